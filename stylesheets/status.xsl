<?xml version="1.0" encoding="UTF-8"?>
<!--
  status.xsl: one area's model (build/Y/model/AREA.xml, join.xsl) → its
  rows of output/Y/status-Y.csv (build/Y/status/AREA.csv); pipeline/year.mk
  writes the header row, measure,title,ministry,code,status,src, then the
  areas' rows in plan order.

  One row per expected (measure, ministry) in plan order and registry
  order:
  status is "submitted" or "missing"; src lists the file:line of every
  progress row of that ministry for that measure, space-separated (empty
  when missing).  RFC 4180: CRLF line ends, fields quoted when they hold a
  comma, quote or line break.  UTF-8 without BOM.  No parameters.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:include href="common.xsl"/>
  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template match="/">
    <xsl:if test="not(/model/area)">
      <xsl:message terminate="yes">status.xsl: error: the input is not an area's model (run join.xsl first)</xsl:message>
    </xsl:if>
    <xsl:for-each select="/model/area/descendant::measure/status/ministry[@expected = '1']">
      <xsl:variable name="m" select="ancestor::measure[1]"/>
      <xsl:variable name="c" select="@code"/>
      <xsl:call-template name="csv-field">
        <xsl:with-param name="text" select="$m/@id"/>
      </xsl:call-template>
      <xsl:text>,</xsl:text>
      <xsl:call-template name="csv-field">
        <xsl:with-param name="text" select="$m/@title"/>
      </xsl:call-template>
      <xsl:text>,</xsl:text>
      <xsl:call-template name="csv-field">
        <xsl:with-param name="text" select="@name"/>
      </xsl:call-template>
      <xsl:text>,</xsl:text>
      <xsl:value-of select="$c"/>
      <xsl:text>,</xsl:text>
      <xsl:value-of select="@status"/>
      <xsl:text>,</xsl:text>
      <xsl:call-template name="csv-field">
        <xsl:with-param name="text">
          <xsl:for-each select="$m/progress[@ministry = $c]">
            <xsl:if test="position() &gt; 1"><xsl:text> </xsl:text></xsl:if>
            <xsl:value-of select="@src"/>
          </xsl:for-each>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:text>&#13;&#10;</xsl:text>
    </xsl:for-each>
  </xsl:template>

</xsl:stylesheet>
