<?xml version="1.0" encoding="UTF-8"?>
<!--
  report-back.xsl: build/Y/year.xml (year.xsl) → build/Y/report/back.pdoc,
  the annual report's annexes: 担当府省一覧, 提出状況, 備考 and, with
  draft=1, 検証結果, after おわりに (input/Y/report.xml's <closing>, if any).
  Params: draft, report, plan (report.xsl, whose templates it imports;
  front.xsl); dir (report.xsl): build/Y, whose sum/ID.xml give 別添３
  the areas' rows with 備考.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="report.xsl"/>
  <!-- おわりに and the title: input/Y/report.xml (issue 14) -->
  <xsl:include href="front.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:strip-space elements="*"/>

  <xsl:template match="/">
    <xsl:if test="not(/model/digest)">
      <xsl:message terminate="yes">report-back.xsl: error: the input is not the year's summary (run year.xsl first)</xsl:message>
    </xsl:if>
    <xsl:if test="$dir = ''">
      <xsl:message terminate="yes">report-back.xsl: error: the parameter dir is required (the absolute path of build/Y)</xsl:message>
    </xsl:if>
    <document kind="report" draft="{number($is-draft)}">
      <xsl:call-template name="meta"/>
      <xsl:call-template name="head"/>
      <flow template="body">
        <xsl:for-each select="$R/closing">
          <pagebreak/>
          <h level="1" id="closing" toc="1" outline="1" running="1">おわりに</h>
          <xsl:call-template name="review-mark"/>
          <xsl:apply-templates select="p" mode="report"/>
        </xsl:for-each>
        <xsl:call-template name="annex-responsibility"/>
        <xsl:call-template name="annex-status"/>
        <xsl:call-template name="annex-notes"/>
        <xsl:if test="$is-draft">
          <xsl:call-template name="annex-diags"/>
        </xsl:if>
      </flow>
    </document>
  </xsl:template>
</xsl:stylesheet>
