<?xml version="1.0" encoding="UTF-8"?>
<!--
  report-front.xsl: build/Y/year.xml (year.xsl) → build/Y/report/front.pdoc,
  the annual report's first pages: cover, 目次 (render fills it from every
  file's headings), はじめに and 評価の枠組み.  Params: draft, date (as
  report.xsl, whose templates it imports).
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="report.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:strip-space elements="*"/>

  <xsl:template match="/">
    <xsl:if test="not(/model/digest)">
      <xsl:message terminate="yes">report-front.xsl: error: the input is not the year's summary (run year.xsl first)</xsl:message>
    </xsl:if>
    <document kind="report" draft="{number($is-draft)}">
      <xsl:call-template name="meta"/>
      <xsl:call-template name="head"/>
      <xsl:call-template name="cover"/>
      <flow template="body" number-from="1">
        <toc title="目次" levels="2"/>
        <pagebreak/>
        <xsl:call-template name="introduction"/>
        <xsl:call-template name="framework"/>
      </flow>
    </document>
  </xsl:template>
</xsl:stylesheet>
