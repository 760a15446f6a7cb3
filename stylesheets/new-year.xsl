<?xml version="1.0" encoding="UTF-8"?>
<!--
  new-year.xsl: last year's input/Y/report.xml → the new year's (make
  new-year, issue 14).  Everything is copied, comments included, except:
  year="…" becomes the param year; <date> is emptied (make report refuses
  it until the publication date is written); the logo is kept; every block
  of the year's own words (title, subtitle, body, preface, framework,
  closing) gets review="required" (make report refuses until it is reread
  and the mark deleted; make draft prints 【要確認】 on it).
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="xml" encoding="UTF-8"/>
  <xsl:param name="year" select="''"/>

  <xsl:template match="/">
    <xsl:if test="not(/report) or $year = ''">
      <xsl:message terminate="yes">new-year.xsl: error: the input is not a report.xml, or no year param</xsl:message>
    </xsl:if>
    <xsl:apply-templates select="node()"/>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="@*|node()">
    <xsl:copy><xsl:apply-templates select="@*|node()"/></xsl:copy>
  </xsl:template>

  <xsl:template match="/report/@year">
    <xsl:attribute name="year"><xsl:value-of select="$year"/></xsl:attribute>
  </xsl:template>

  <xsl:template match="/report/date">
    <date/>
  </xsl:template>

  <xsl:template match="/report/title | /report/subtitle | /report/body | /report/preface
                       | /report/framework | /report/closing">
    <xsl:copy>
      <xsl:apply-templates select="@*[name() != 'review']"/>
      <xsl:attribute name="review">required</xsl:attribute>
      <xsl:apply-templates select="node()"/>
    </xsl:copy>
  </xsl:template>
</xsl:stylesheet>
