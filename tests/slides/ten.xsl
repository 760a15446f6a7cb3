<?xml version="1.0" encoding="UTF-8"?>
<!--
  ten.xsl: submissions.xml → the same with ten times the text the summary
  slides show: every paragraph of a summary row (level other than measure)
  and of a highlighted row becomes ten numbered copies 「第N項：…」.
  Used by tests/e2e/t0800-slides.sh.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="@*|node()">
    <xsl:copy><xsl:apply-templates select="@*|node()"/></xsl:copy>
  </xsl:template>
  <xsl:template match="progress[@highlight = '1' or @level != 'measure']/*/p">
    <xsl:variable name="p" select="."/>
    <xsl:for-each select="(//node())[position() &lt;= 10]">
      <p><xsl:value-of select="concat('第', position(), '項：', $p)"/></p>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
