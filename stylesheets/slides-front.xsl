<?xml version="1.0" encoding="UTF-8"?>
<!--
  slides-front.xsl: build/Y/year.xml (year.xsl) → build/Y/slides/front.pdoc,
  the title slide: the title, body, date and logo of input/Y/report.xml
  (front.xsl).  Params: draft, date, report (slides.xsl, whose templates
  it imports; front.xsl).
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="slides.xsl"/>
  <xsl:include href="front.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:strip-space elements="*"/>

  <xsl:template match="/">
    <xsl:if test="not(/model/digest)">
      <xsl:message terminate="yes">slides-front.xsl: error: the input is not the year's summary (run year.xsl first)</xsl:message>
    </xsl:if>
    <xsl:if test="not($R)">
      <xsl:message terminate="yes">slides-front.xsl: error: cannot read report.xml (param report)</xsl:message>
    </xsl:if>
    <document kind="slides" draft="{number($is-draft)}">
      <xsl:call-template name="meta"/>
      <xsl:call-template name="head"/>
      <xsl:call-template name="title-slide"/>
    </document>
  </xsl:template>

  <xsl:template name="title-slide">
    <slide template="slide" outline="表紙">
      <rect x="0" y="0" w="100%" h="6mm" fill="{$navy}"/>
      <rect x="0" y="184.5mm" w="100%" h="6mm" fill="{$navy}"/>
      <textbox x="20mm" y="50mm" w="298.67mm" h="16mm" style="slide-cover-title" role="title"><xsl:value-of select="$title"/></textbox>
      <textbox x="20mm" y="70mm" w="298.67mm" h="12mm" style="slide-cover-sub">
        <xsl:value-of select="concat($era, '年度（', $year, '年度）　概要')"/>
      </textbox>
      <rect x="60mm" y="88mm" w="218.67mm" h="0.6mm" fill="{$navy}"/>
      <xsl:call-template name="logo">
        <xsl:with-param name="x" select="'139.33mm'"/>
        <xsl:with-param name="y" select="'94mm'"/>
        <xsl:with-param name="w" select="'60mm'"/>
        <xsl:with-param name="h" select="'30mm'"/>
      </xsl:call-template>
      <textbox x="20mm" y="128mm" w="298.67mm" h="10mm" style="slide-cover-small">
        <xsl:call-template name="date-ja">
          <xsl:with-param name="date" select="$cover-date"/>
        </xsl:call-template>
      </textbox>
      <textbox x="20mm" y="142mm" w="298.67mm" h="10mm" style="slide-cover-small"><xsl:value-of select="$body-name"/></textbox>
    </slide>
  </xsl:template>
</xsl:stylesheet>
