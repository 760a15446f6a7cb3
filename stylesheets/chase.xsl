<?xml version="1.0" encoding="UTF-8"?>
<!--
  chase.xsl: the year's build/Y/submissions/year.xml (its files and
  diagnostics) + the areas' models → build/Y/chase.xml, what each ministry
  still owes (issue 16, "A chase list"); pipeline/chase turns it into
  status-Y.xlsx and feedback/<code>-<name>.xlsx.

  Params: dir       absolute path of the work folder (DIR/model/AREA.xml)
          registry  absolute path of input/ministries.xml
          year      fiscal year; draft 0 or 1

  <chase year="2014" draft="0" expected= submitted= noeval= missing= refused=>
    <ministry code name expected submitted noeval missing refused
              errors warnings>                  registry order; every ministry
                                                 expected somewhere or named
                                                 by a diagnostic
      <pair measure title status/>              its expected pairs not 提出済,
                                                 plan order; status as in the
                                                 status CSV (status.xsl):
                                                 未提出, 不備 or 評価なし
      <diag severity file line column measure>  ingest's diagnostics about
        <message>…</message><row>…</row>       its rows (by ministry), or
      </diag>                                   about a file its rows come from
    </ministry>
    <diag …/>                                   diagnostics of no ministry
  </chase>
  Counts: the ministry's expected pairs by status (as in the status CSV:
  submitted 提出済, noeval 評価なし, missing 未提出, refused 不備, adding up
  to expected), errors and warnings its diagnostics.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:exsl="http://exslt.org/common" exclude-result-prefixes="exsl">

  <xsl:import href="status.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:param name="dir"/>
  <xsl:param name="registry"/>
  <xsl:param name="year"/>
  <xsl:param name="draft" select="0"/>

  <xsl:variable name="R" select="document($registry)/registry"/>
  <xsl:variable name="diags" select="/submissions/diag"/>

  <!-- Every expected pair with its status, and which ministry's rows each
       file holds. -->
  <xsl:variable name="pairs-rtf">
    <xsl:for-each select="/submissions/area">
      <xsl:variable name="model" select="document(concat($dir, '/model/', @ref, '.xml'))/model"/>
      <xsl:for-each select="$model/area/descendant::measure/status/ministry[@expected = '1']">
        <xsl:variable name="m" select="ancestor::measure[1]"/>
        <xsl:variable name="c" select="@code"/>
        <pair measure="{$m/@id}" title="{$m/@title}" code="{$c}">
          <xsl:attribute name="status">
            <xsl:call-template name="pair-status">
              <xsl:with-param name="rows" select="$m/progress[@ministry = $c]"/>
              <xsl:with-param name="bad"
                              select="$diags[@severity = 'error'][@measure = $m/@id][@ministry = $c]"/>
            </xsl:call-template>
          </xsl:attribute>
        </pair>
      </xsl:for-each>
      <xsl:for-each select="$model/area/descendant::progress">
        <from file="{@file}" code="{@ministry}"/>
      </xsl:for-each>
    </xsl:for-each>
    <xsl:for-each select="$diags[@ministry][@file]">
      <from file="{@file}" code="{@ministry}"/>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="pairs" select="exsl:node-set($pairs-rtf)/pair"/>
  <xsl:variable name="from" select="exsl:node-set($pairs-rtf)/from"/>

  <xsl:template match="/">
    <chase year="{$year}" draft="{$draft}">
      <xsl:call-template name="counts">
        <xsl:with-param name="p" select="$pairs"/>
      </xsl:call-template>
      <xsl:for-each select="$R/ministry">
        <xsl:variable name="c" select="@code"/>
        <xsl:variable name="p" select="$pairs[@code = $c]"/>
        <xsl:variable name="d"
                      select="$diags[@ministry = $c] | $diags[not(@ministry)][@file = $from[@code = $c]/@file]"/>
        <xsl:if test="$p or $d">
          <ministry code="{$c}" name="{@name}">
            <xsl:call-template name="counts">
              <xsl:with-param name="p" select="$p"/>
            </xsl:call-template>
            <xsl:attribute name="errors"><xsl:value-of select="count($d[@severity = 'error'])"/></xsl:attribute>
            <xsl:attribute name="warnings"><xsl:value-of select="count($d[@severity = 'warning'])"/></xsl:attribute>
            <xsl:copy-of select="$p[@status != '提出済']"/>
            <xsl:copy-of select="$d"/>
          </ministry>
        </xsl:if>
      </xsl:for-each>
      <xsl:copy-of select="$diags[not(@ministry)][not(@file) or not(@file = $from/@file)]"/>
    </chase>
  </xsl:template>

  <xsl:template name="counts">
    <xsl:param name="p"/>
    <xsl:attribute name="expected"><xsl:value-of select="count($p)"/></xsl:attribute>
    <xsl:attribute name="submitted"><xsl:value-of select="count($p[@status = '提出済'])"/></xsl:attribute>
    <xsl:attribute name="noeval"><xsl:value-of select="count($p[@status = '評価なし'])"/></xsl:attribute>
    <xsl:attribute name="missing"><xsl:value-of select="count($p[@status = '未提出'])"/></xsl:attribute>
    <xsl:attribute name="refused"><xsl:value-of select="count($p[@status = '不備'])"/></xsl:attribute>
  </xsl:template>

</xsl:stylesheet>
