<?xml version="1.0" encoding="UTF-8"?>
<!-- t1060: common.xsl's date-ja on each <d> of the input, one per line. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:include href="../../stylesheets/common.xsl"/>
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:template match="/">
    <xsl:for-each select="//d">
      <xsl:call-template name="date-ja"><xsl:with-param name="date" select="."/></xsl:call-template>
      <xsl:text>&#10;</xsl:text>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
