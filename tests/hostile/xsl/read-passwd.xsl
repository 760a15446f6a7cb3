<?xml version="1.0"?>
<!-- a local non-XML file through document() and unparsed-text-like tricks: no content leaks -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
 <xsl:template match="/"><out><xsl:copy-of select="document('file:///etc/passwd')"/></out></xsl:template>
</xsl:stylesheet>
