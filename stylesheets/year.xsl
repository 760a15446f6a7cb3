<?xml version="1.0" encoding="UTF-8"?>
<!--
  year.xsl: ingest's year file and the areas' summaries → the report model
  (join.xsl's comment describes it): the <model> root with the year's
  totals, the plan's and matrix's own parts, the registry, the 提出状況
  counts, the orphans, the input files and the diagnostics, then the areas
  (build/Y/model/AREA.xml, copied in plan order).

  Input:  build/Y/submissions.xml (ingest: files, rows of no area, one
          <area ref> per plan area, diagnostics).
  Params: year, draft        as join.xsl
          plan, matrix, registry   absolute paths of the inputs
          dir                absolute path of build/Y (or build/Y/draft):
                             the areas' sum/AREA.xml and model/AREA.xml
  Output: build/Y/model.xml
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common"
    exclude-result-prefixes="exsl">

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:param name="year" select="''"/>
  <xsl:param name="plan" select="''"/>
  <xsl:param name="matrix" select="''"/>
  <xsl:param name="registry" select="''"/>
  <xsl:param name="draft" select="'0'"/>
  <xsl:param name="dir" select="''"/>

  <xsl:key name="hit" match="/sum/hit" use="@src"/>
  <xsl:key name="regpos" match="/registry/ministry" use="@code"/>

  <xsl:variable name="P" select="document($plan)/plan"/>
  <xsl:variable name="M" select="document($matrix)/matrix"/>
  <xsl:variable name="R" select="document($registry)/registry"/>
  <xsl:variable name="areas" select="/submissions/area"/>
  <xsl:variable name="paths-rtf">
    <xsl:for-each select="$areas">
      <u><xsl:value-of select="concat($dir, '/sum/', @ref, '.xml')"/></u>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="sums" select="document(exsl:node-set($paths-rtf)/u)/sum"/>

  <xsl:template match="/">
    <xsl:if test="$plan = '' or $matrix = '' or $registry = '' or $dir = ''">
      <xsl:message terminate="yes">year.xsl: error: the parameters plan, matrix, registry and dir are required (absolute paths)</xsl:message>
    </xsl:if>
    <xsl:if test="not($P)">
      <xsl:message terminate="yes"><xsl:value-of select="$plan"/>: error: not a plan (no &lt;plan&gt; root)</xsl:message>
    </xsl:if>
    <xsl:if test="not($M)">
      <xsl:message terminate="yes"><xsl:value-of select="$matrix"/>: error: not a matrix (no &lt;matrix&gt; root)</xsl:message>
    </xsl:if>
    <xsl:if test="not($R)">
      <xsl:message terminate="yes"><xsl:value-of select="$registry"/>: error: not a registry (no &lt;registry&gt; root)</xsl:message>
    </xsl:if>
    <xsl:if test="not(/submissions)">
      <xsl:message terminate="yes">year.xsl: error: the input is not a submissions document</xsl:message>
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
      <xsl:apply-templates select="$P/*[not(self::area)]" mode="copy"/>
      <counts>
        <xsl:for-each select="$R/ministry">
          <xsl:variable name="c" select="string(@code)"/>
          <xsl:variable name="mine" select="$sums/count[@code = $c]"/>
          <ministry code="{$c}" name="{@name}"
                    expected="{sum($mine/@expected)}" received="{sum($mine/@received)}"
                    missing="{sum($mine/@missing)}" extra="{sum($mine/@extra)}">
            <xsl:for-each select="$areas">
              <xsl:variable name="a" select="document(concat($dir, '/sum/', @ref, '.xml'))/sum/count[@code = $c]"/>
              <xsl:if test="$a">
                <area ref="{@ref}" expected="{$a/@expected}" received="{$a/@received}"
                      missing="{$a/@missing}"/>
              </xsl:if>
            </xsl:for-each>
          </ministry>
        </xsl:for-each>
      </counts>
      <orphans>
        <!-- a row of no area names no plan node -->
        <xsl:apply-templates select="/submissions/progress" mode="row"/>
        <xsl:for-each select="$areas">
          <xsl:copy-of select="document(concat($dir, '/sum/', @ref, '.xml'))/sum/indicator"/>
        </xsl:for-each>
        <xsl:for-each select="/submissions/indicator">
          <xsl:variable name="src" select="string(@src)"/>
          <xsl:if test="not($sums/hit[@src = $src])">
            <xsl:copy-of select="."/>
          </xsl:if>
        </xsl:for-each>
      </orphans>
      <input>
        <xsl:copy-of select="/submissions/@*"/>
        <xsl:copy-of select="/submissions/file"/>
      </input>
      <diags>
        <xsl:copy-of select="/submissions/diag"/>
      </diags>
      <xsl:for-each select="$areas">
        <xsl:copy-of select="document(concat($dir, '/model/', @ref, '.xml'))/model/area"/>
      </xsl:for-each>
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
