<?xml version="1.0" encoding="UTF-8"?>
<!--
  year.xsl: ingest's year file and the areas' summaries → the year's part
  of the report model (join.xsl's comment describes the model): the
  <model> root with the year's totals, the plan's and matrix's own parts,
  the registry, the 提出状況 counts, the orphans, the input files and the
  diagnostics; the areas stay in build/Y/model/AREA.xml.  Then, for the
  compose stylesheets' front and back matter:
    <digest>
      <area id num title/>                 every area, plan order
      <field id mark/>                     every field of the plan (表１)
      <exp c id/>                          every expected (ministry, measure)
      <miss c name id title/>              every missing (ministry, measure), plan order
      <noeval id title names/>             every measure with 実績 but no 評価
      <indicator …/>                       matrix indicators with figures
    </digest>
  The areas' rows with 備考 or extra columns stay in their sum/ID.xml
  (report-back.xsl reads them there), so that no step of the year holds
  them twice (issue 13: at 100x they were most of year.xml).

  Input:  build/Y/submissions/year.xml (ingest: files, the plan and the
          matrix outside their areas, rows of no area, one <area ref> per
          plan area, diagnostics).
  Params: year, draft        as join.xsl
          registry           absolute path of input/ministries.xml
          dir                absolute path of build/Y (or build/Y/draft):
                             the areas' sum/ID.xml
  Reads no area and not the whole plan or matrix: at 100x its inputs are
  a few MB.
  Output: build/Y/year.xml
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common"
    exclude-result-prefixes="exsl">

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:param name="year" select="''"/>
  <xsl:param name="registry" select="''"/>
  <xsl:param name="draft" select="'0'"/>
  <xsl:param name="dir" select="''"/>
  <!-- drafts: check's findings (check's diags option), listed in the annex after
       ingest's, each finding ingest already made once -->
  <xsl:param name="checks" select="''"/>
  <xsl:key name="ingest-diag" match="/submissions/diag"
           use="concat(@file, '|', @line, '|', message)"/>

  <xsl:key name="regpos" match="/registry/ministry" use="@code"/>
  <!-- in $all (below) -->
  <xsl:key name="count" match="/count" use="@code"/>
  <xsl:key name="hit" match="/hit" use="@src"/>

  <xsl:variable name="P" select="/submissions/plan"/>
  <xsl:variable name="M" select="/submissions/matrix"/>
  <xsl:variable name="R" select="document($registry)/registry"/>
  <xsl:variable name="areas" select="/submissions/area"/>
  <xsl:variable name="paths-rtf">
    <xsl:for-each select="$areas">
      <u><xsl:value-of select="concat($dir, '/sum/', @ref, '.xml')"/></u>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="sums" select="document(exsl:node-set($paths-rtf)/u)/sum"/>
  <!-- The areas' counts (with their area) and hits in one small tree, in
       plan order, for the keys: no lookup walks every area. -->
  <xsl:variable name="all-rtf">
    <xsl:for-each select="$areas">
      <xsl:variable name="ref" select="@ref"/>
      <xsl:for-each select="document(concat($dir, '/sum/', @ref, '.xml'))/sum">
        <xsl:for-each select="count">
          <count area="{$ref}"><xsl:copy-of select="@*"/></count>
        </xsl:for-each>
        <xsl:copy-of select="hit"/>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="all" select="exsl:node-set($all-rtf)"/>

  <xsl:template match="/">
    <xsl:if test="$registry = '' or $dir = ''">
      <xsl:message terminate="yes">year.xsl: error: the parameters registry and dir are required (absolute paths)</xsl:message>
    </xsl:if>
    <xsl:if test="not($R)">
      <xsl:message terminate="yes"><xsl:value-of select="$registry"/>: error: not a registry (no &lt;registry&gt; root)</xsl:message>
    </xsl:if>
    <xsl:if test="not(/submissions/plan) or not(/submissions/matrix)">
      <xsl:message terminate="yes">year.xsl: error: the input is not ingest's year file (build/Y/submissions/year.xml)</xsl:message>
    </xsl:if>
    <model year="{$year}" draft="{$draft}"
           measures="{sum($sums/@measures)}" expected="{sum($sums/@expected)}"
           received="{sum($sums/@received)}" missing="{sum($sums/@missing)}"
           rows="{count(/submissions/progress) + sum($sums/@rows)}"
           indicators="{count(/submissions/indicator) + sum($sums/@indicators)}">
      <plan>
        <xsl:copy-of select="$P/@*"/>
      </plan>
      <matrix>
        <xsl:copy-of select="$M/@*"/>
        <xsl:copy-of select="$M/domains | $M/viewpoint | $M/text[not(@target)]"/>
      </matrix>
      <xsl:copy-of select="$R"/>
      <xsl:apply-templates select="$P/*" mode="copy"/>
      <counts>
        <xsl:for-each select="$R/ministry">
          <xsl:variable name="c" select="string(@code)"/>
          <xsl:variable name="name" select="@name"/>
          <xsl:for-each select="$all">
            <xsl:variable name="mine" select="key('count', $c)"/>
            <ministry code="{$c}" name="{$name}"
                      expected="{sum($mine/@expected)}" received="{sum($mine/@received)}"
                      missing="{sum($mine/@missing)}" extra="{sum($mine/@extra)}">
              <xsl:for-each select="$mine">
                <area ref="{@area}" expected="{@expected}" received="{@received}"
                      missing="{@missing}"/>
              </xsl:for-each>
            </ministry>
          </xsl:for-each>
        </xsl:for-each>
      </counts>
      <orphans>
        <!-- a row of no area names no plan node -->
        <xsl:apply-templates select="/submissions/progress" mode="row"/>
        <xsl:for-each select="$areas">
          <xsl:copy-of select="document(concat($dir, '/sum/', @ref, '.xml'))/sum/orphans/indicator"/>
        </xsl:for-each>
        <xsl:for-each select="/submissions/indicator">
          <xsl:variable name="row" select="."/>
          <xsl:for-each select="$all">
            <xsl:if test="not(key('hit', $row/@src))">
              <xsl:copy-of select="$row"/>
            </xsl:if>
          </xsl:for-each>
        </xsl:for-each>
      </orphans>
      <input>
        <xsl:copy-of select="/submissions/@*"/>
        <xsl:copy-of select="/submissions/file"/>
      </input>
      <diags>
        <xsl:copy-of select="/submissions/diag"/>
        <xsl:if test="$checks != ''">
          <xsl:variable name="root" select="/"/>
          <xsl:for-each select="document($checks)/diags/diag">
            <xsl:variable name="d" select="."/>
            <xsl:variable name="k" select="concat(@file, '|', @line, '|', message)"/>
            <xsl:for-each select="$root">
              <xsl:if test="not(key('ingest-diag', $k))">
                <xsl:copy-of select="$d"/>
              </xsl:if>
            </xsl:for-each>
          </xsl:for-each>
        </xsl:if>
      </diags>
      <digest>
        <xsl:for-each select="$areas">
          <xsl:variable name="sum" select="document(concat($dir, '/sum/', @ref, '.xml'))/sum"/>
          <area id="{$sum/@area}" num="{$sum/@num}" title="{$sum/@title}"/>
        </xsl:for-each>
        <xsl:for-each select="$areas">
          <xsl:copy-of select="document(concat($dir, '/sum/', @ref, '.xml'))/sum/field"/>
        </xsl:for-each>
        <xsl:for-each select="$areas">
          <xsl:variable name="sum" select="document(concat($dir, '/sum/', @ref, '.xml'))/sum"/>
          <xsl:copy-of select="$sum/exp | $sum/miss | $sum/noeval | $sum/indicator"/>
        </xsl:for-each>
      </digest>
    </model>
  </xsl:template>

  <!-- The plan's text outside its areas (はじめに…): elements and text. -->
  <xsl:template match="*" mode="copy">
    <xsl:copy>
      <xsl:copy-of select="@*"/>
      <xsl:apply-templates select="node()" mode="copy"/>
    </xsl:copy>
  </xsl:template>
  <xsl:template match="text()" mode="copy">
    <xsl:copy-of select="."/>
  </xsl:template>

  <!-- A progress row with the ministry's name and registry position (join.xsl). -->
  <xsl:template match="progress" mode="row">
    <xsl:variable name="c" select="string(@ministry)"/>
    <xsl:copy>
      <xsl:copy-of select="@*"/>
      <xsl:for-each select="$R">
        <xsl:variable name="r" select="key('regpos', $c)"/>
        <xsl:attribute name="name"><xsl:value-of select="$r/@name"/></xsl:attribute>
        <xsl:attribute name="pos">
          <xsl:choose>
            <xsl:when test="$r"><xsl:value-of select="count($r/preceding-sibling::ministry) + 1"/></xsl:when>
            <xsl:otherwise>999999</xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
      </xsl:for-each>
      <xsl:copy-of select="node()"/>
    </xsl:copy>
  </xsl:template>
</xsl:stylesheet>
