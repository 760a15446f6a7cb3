<?xml version="1.0"?>
<!-- XSLT 2.0's xsl:result-document: libxslt does not implement it; it must not write either -->
<xsl:stylesheet version="2.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
 <xsl:param name="target"/>
 <xsl:template match="/"><xsl:result-document href="{$target}" method="text">pwned</xsl:result-document><out/></xsl:template>
</xsl:stylesheet>
