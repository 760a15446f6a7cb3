<?xml version="1.0" encoding="UTF-8"?>
<!--
  status.xsl: one area's model (build/Y/model/AREA.xml, join.xsl) → its
  rows of output/Y/status-Y.csv (build/Y/status/AREA.csv); pipeline/year.mk
  writes the file's UTF-8 BOM and header row,
  施策番号,施策名,府省庁,府省庁コード,状況,ファイル:行, then the areas'
  rows in plan order.

  One row per expected (measure, ministry) in plan order and registry
  order.  状況 (issue 16), first that applies:
    不備      a row of that ministry for that measure was refused (an error
              in the diagnostics of DIAGS names the pair): it must be sent
              again, corrected
    未提出    no row
    評価なし  rows, but none with 評価
    提出済    rows, at least one with 評価
  ファイル:行 lists the file:line of every refused row (不備) or of every
  progress row (otherwise), space-separated; empty when 未提出.
  RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or
  line break.

  Param: diags  absolute path of the area's build/Y/submissions/area-ID.xml
                (ingest: its <diag measure ministry> elements, about the
                area's progress rows); none: no row is 不備.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:include href="common.xsl"/>
  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:param name="diags" select="''"/>
  <!-- the errors naming a pair, by "MEASURE CODE", in DIAGS (chase.xsl:
       in the year's submissions/year.xml): a key, so that the time grows with the year and not with its
       square; key() searches the context node's document -->
  <xsl:key name="refused" match="/submissions/diag[@severity = 'error'][@measure][@ministry]"
           use="concat(@measure, ' ', @ministry)"/>
  <xsl:variable name="diagdoc" select="document($diags)"/>

  <xsl:template match="/">
    <xsl:if test="not(/model/area)">
      <xsl:message terminate="yes">status.xsl: error: the input is not an area's model (run join.xsl first)</xsl:message>
    </xsl:if>
    <xsl:for-each select="/model/area/descendant::measure/status/ministry[@expected = '1']">
      <xsl:variable name="m" select="ancestor::measure[1]"/>
      <xsl:variable name="c" select="@code"/>
      <xsl:variable name="rows" select="$m/progress[@ministry = $c]"/>
      <xsl:variable name="min" select="."/>
      <xsl:variable name="k" select="concat($m/@id, ' ', $c)"/>
      <xsl:for-each select="$diagdoc">
        <xsl:variable name="bad" select="key('refused', $k)"/>
        <xsl:call-template name="csv-field">
          <xsl:with-param name="text" select="$m/@id"/>
        </xsl:call-template>
        <xsl:text>,</xsl:text>
        <xsl:call-template name="csv-field">
          <xsl:with-param name="text" select="$m/@title"/>
        </xsl:call-template>
        <xsl:text>,</xsl:text>
        <xsl:call-template name="csv-field">
          <xsl:with-param name="text" select="$min/@name"/>
        </xsl:call-template>
        <xsl:text>,</xsl:text>
        <xsl:value-of select="$c"/>
        <xsl:text>,</xsl:text>
        <xsl:call-template name="pair-status">
          <xsl:with-param name="rows" select="$rows"/>
          <xsl:with-param name="bad" select="$bad"/>
        </xsl:call-template>
        <xsl:text>,</xsl:text>
        <xsl:call-template name="csv-field">
          <xsl:with-param name="text">
            <xsl:choose>
              <xsl:when test="$bad">
                <xsl:for-each select="$bad">
                  <xsl:if test="position() &gt; 1"><xsl:text> </xsl:text></xsl:if>
                  <xsl:value-of select="concat(@file, ':', @line)"/>
                </xsl:for-each>
              </xsl:when>
              <xsl:otherwise>
                <xsl:for-each select="$rows">
                  <xsl:if test="position() &gt; 1"><xsl:text> </xsl:text></xsl:if>
                  <xsl:value-of select="@src"/>
                </xsl:for-each>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:text>&#13;&#10;</xsl:text>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:template>

  <!-- 状況 of one pair: its progress rows and the errors naming it
       (chase.xsl imports this). -->
  <xsl:template name="pair-status">
    <xsl:param name="rows"/>
    <xsl:param name="bad"/>
    <xsl:choose>
      <xsl:when test="$bad">不備</xsl:when>
      <xsl:when test="not($rows)">未提出</xsl:when>
      <xsl:when test="not($rows/evaluation[normalize-space() != ''])">評価なし</xsl:when>
      <xsl:otherwise>提出済</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
