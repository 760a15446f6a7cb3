<?xml version="1.0" encoding="UTF-8"?>
<!--
  chase.xsl: the year's build/Y/submissions/year.xml (its files and
  diagnostics) + each area's build/Y/chase/AREA.xml (chase-area.xsl: its
  pairs and who sent which file) → build/Y/chase.xml, what each ministry
  still owes (issue 16, "A chase list"); pipeline/chase turns it into
  status-Y.xlsx and feedback/<code>-<name>.xlsx.

  Params: dir       absolute path of the work folder (DIR/chase/AREA.xml)
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

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:param name="dir"/>
  <xsl:param name="registry"/>
  <xsl:param name="year"/>
  <xsl:param name="draft" select="0"/>

  <xsl:variable name="R" select="document($registry)/registry"/>
  <xsl:variable name="top" select="/"/>
  <xsl:variable name="diags" select="/submissions/diag"/>

  <!-- Lookups by key, so that the time grows with the year's size and not
       with its square (issue 12 "Linear"); key() searches the document of
       the context node, hence the for-each over $top or $rtf around them. -->
  <xsl:key name="pair" match="pair" use="@code"/>
  <xsl:key name="from-code" match="from" use="@code"/>
  <xsl:key name="from-file" match="from" use="@file"/>
  <xsl:key name="diag-ministry" match="/submissions/diag" use="@ministry"/>
  <xsl:key name="diag-file" match="/submissions/diag[not(@ministry)]" use="@file"/>

  <!-- Every expected pair with its status, and which ministry's rows each
       file holds: chase-area.xsl's file of each area (DIR/chase/AREA.xml),
       small, so the models are never loaded here. -->
  <xsl:variable name="pairs-rtf">
    <xsl:for-each select="/submissions/area">
      <xsl:copy-of select="document(concat($dir, '/chase/', @ref, '.xml'))/area/*"/>
    </xsl:for-each>
    <xsl:for-each select="$diags[@ministry][@file]">
      <from file="{@file}" code="{@ministry}"/>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="rtf" select="exsl:node-set($pairs-rtf)"/>

  <xsl:template match="/">
    <chase year="{$year}" draft="{$draft}">
      <xsl:call-template name="counts">
        <xsl:with-param name="p" select="$rtf/pair"/>
      </xsl:call-template>
      <xsl:for-each select="$R/ministry">
        <xsl:variable name="c" select="@code"/>
        <xsl:variable name="name" select="@name"/>
        <xsl:for-each select="$rtf">
          <xsl:variable name="p" select="key('pair', $c)"/>
          <xsl:variable name="files" select="key('from-code', $c)/@file"/>
          <xsl:for-each select="$top">
            <xsl:variable name="d" select="key('diag-ministry', $c) | key('diag-file', $files)"/>
            <xsl:if test="$p or $d">
              <ministry code="{$c}" name="{$name}">
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
        </xsl:for-each>
      </xsl:for-each>
      <!-- diagnostics of no ministry about no file, or about a file none
           of whose rows was read -->
      <xsl:for-each select="$diags[not(@ministry)]">
        <xsl:variable name="dg" select="."/>
        <xsl:for-each select="$rtf">
          <xsl:if test="not($dg/@file) or not(key('from-file', $dg/@file))">
            <xsl:copy-of select="$dg"/>
          </xsl:if>
        </xsl:for-each>
      </xsl:for-each>
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
