<?xml version="1.0"?>
<!-- document() of an input carrying an XXE payload: refused by the loader -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
 <xsl:param name="plan"/>
 <xsl:template match="/"><out><xsl:copy-of select="document($plan)"/></out></xsl:template>
</xsl:stylesheet>
