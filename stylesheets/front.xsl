<?xml version="1.0" encoding="UTF-8"?>
<!--
  front.xsl: the year's own words, input/Y/report.xml (report.rng), for
  the stylesheets that include it after importing report.xsl or
  slides.xsl (report-front.xsl, report-back.xsl, slides-front.xsl): its
  variables take precedence over the imported ones, so the title, body and
  date everywhere in those files come from report.xml.

  Params: report   absolute path of input/Y/report.xml
          plan     absolute path of input/Y/plan.xml (a <ref>'s measure title)
          date     REPORT_DATE, which overrides <date> (empty: <date>)
  Templates: report-p (a report.xml paragraph → pdoc <p>), logo (the
  <image> of the logo, in a box W × H), report-cover-date.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:param name="report" select="''"/>
  <xsl:param name="plan" select="''"/>

  <xsl:variable name="R" select="document($report)/report"/>
  <xsl:variable name="M" select="/model"/>
  <xsl:key name="plan-node" match="/plan//*[@id]" use="@id"/>

  <xsl:variable name="title" select="normalize-space($R/title)"/>
  <xsl:variable name="subtitle" select="normalize-space($R/subtitle)"/>
  <xsl:variable name="body-name" select="normalize-space($R/body)"/>
  <xsl:variable name="cover-date">
    <xsl:choose>
      <xsl:when test="$date != ''"><xsl:value-of select="$date"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="normalize-space($R/date)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <!-- the logo's absolute path: beside report.xml -->
  <xsl:variable name="report-dir">
    <xsl:call-template name="dirname">
      <xsl:with-param name="path" select="$report"/>
    </xsl:call-template>
  </xsl:variable>

  <xsl:template name="dirname">
    <xsl:param name="path"/>
    <xsl:if test="contains($path, '/')">
      <xsl:value-of select="concat(substring-before($path, '/'), '/')"/>
      <xsl:call-template name="dirname">
        <xsl:with-param name="path" select="substring-after($path, '/')"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="logo">
    <xsl:param name="w"/>
    <xsl:param name="h"/>
    <xsl:param name="x" select="''"/>
    <xsl:param name="y" select="''"/>
    <xsl:if test="$R/logo/@src != ''">
      <image src="{concat($report-dir, $R/logo/@src)}" w="{$w}" h="{$h}" alt="{concat($body-name, 'のロゴ')}">
        <xsl:if test="$x != ''"><xsl:attribute name="x"><xsl:value-of select="$x"/></xsl:attribute></xsl:if>
        <xsl:if test="$y != ''"><xsl:attribute name="y"><xsl:value-of select="$y"/></xsl:attribute></xsl:if>
      </image>
    </xsl:if>
  </xsl:template>

  <!-- A prose block (preface, framework, closing) marked review="required"
       is printed with 【要確認】 in a draft (make report refuses it). -->
  <xsl:template name="review-mark">
    <xsl:if test="ancestor-or-self::*/@review = 'required'">
      <p style="missing">【要確認】前年度から引き継いだ文章です。読み直して review="required" を消してください。</p>
    </xsl:if>
  </xsl:template>

  <xsl:template match="p" mode="report">
    <p style="body"><xsl:apply-templates select="node()" mode="report-inline"/></p>
  </xsl:template>

  <xsl:template match="em" mode="report-inline">
    <b><xsl:apply-templates select="node()" mode="report-inline"/></b>
  </xsl:template>

  <xsl:template match="fn" mode="report-inline">
    <fn><xsl:apply-templates select="node()" mode="report-inline"/></fn>
  </xsl:template>

  <!-- <ref to="1-1-1-ア"/> → 「the measure's title」, a link to its heading -->
  <xsl:template match="ref" mode="report-inline">
    <xsl:variable name="to" select="@to"/>
    <xsl:variable name="t">
      <xsl:for-each select="document($plan)">
        <xsl:value-of select="key('plan-node', $to)/@title"/>
      </xsl:for-each>
    </xsl:variable>
    <a href="{concat('#', $to)}">
      <xsl:choose>
        <xsl:when test="$t != ''"><xsl:value-of select="concat('「', $t, '」')"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$to"/></xsl:otherwise>
      </xsl:choose>
    </a>
  </xsl:template>

  <xsl:template match="value" mode="report-inline">
    <xsl:variable name="of" select="@of"/>
    <xsl:value-of select="$M/@*[local-name() = $of]"/>
  </xsl:template>

  <xsl:template match="text()" mode="report-inline">
    <xsl:value-of select="."/>
  </xsl:template>

</xsl:stylesheet>
