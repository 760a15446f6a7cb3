<?xml version="1.0"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
 <xsl:template match="/"><xsl:message terminate="yes">parameters plan, matrix and registry are required</xsl:message><out/></xsl:template>
</xsl:stylesheet>
