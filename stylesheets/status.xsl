<?xml version="1.0" encoding="UTF-8"?>
<!--
  status.xsl: report model (join.xsl) → output/Y/status-Y.csv.

  One header row, then one row per expected (measure, ministry) in plan
  order and registry order:
      measure,title,ministry,code,status,src
  status is "submitted" or "missing"; src lists the file:line of every
  progress row of that ministry for that measure, space-separated (empty
  when missing).  RFC 4180: CRLF line ends, fields quoted when they hold a
  comma, quote or line break.  UTF-8 without BOM.  No parameters.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xf="urn:pipeline:xform" exclude-result-prefixes="xf">
  <!-- Streamed by xform, one <area> at a time (docs/stylesheets.md
       "Streaming"): the header in the final run, the rows in each. -->
  <xf:stream chunk="area"/>
  <xsl:param name="part" select="'final'"/>

  <xsl:include href="common.xsl"/>
  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template match="/">
    <xsl:if test="$part = 'final'">
      <xsl:text>measure,title,ministry,code,status,src&#13;&#10;</xsl:text>
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
