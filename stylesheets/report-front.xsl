<?xml version="1.0" encoding="UTF-8"?>
<!--
  report-front.xsl: build/Y/year.xml (year.xsl) → build/Y/report/front.pdoc,
  the annual report's first pages: cover, 目次 (render fills it from every
  file's headings), はじめに and 評価の枠組み.  The words are those of
  input/Y/report.xml (front.xsl); the policy areas table and the two
  viewpoints are made from the matrix.  Params: draft, date, report, plan
  (report.xsl, front.xsl).
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="report.xsl"/>
  <xsl:include href="front.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:strip-space elements="*"/>

  <xsl:template match="/">
    <xsl:if test="not(/model/digest)">
      <xsl:message terminate="yes">report-front.xsl: error: the input is not the year's summary (run year.xsl first)</xsl:message>
    </xsl:if>
    <xsl:if test="not($R)">
      <xsl:message terminate="yes">report-front.xsl: error: cannot read report.xml (param report)</xsl:message>
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

  <xsl:template name="cover">
    <flow template="cover">
      <p style="cover-title"><xsl:value-of select="$title"/></p>
      <xsl:if test="$subtitle != ''">
        <p style="cover-sub"><xsl:value-of select="$subtitle"/></p>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="$R/logo">
          <space h="25mm"/>
          <xsl:call-template name="logo">
            <xsl:with-param name="w" select="'60mm'"/>
            <xsl:with-param name="h" select="'40mm'"/>
          </xsl:call-template>
          <space h="25mm"/>
        </xsl:when>
        <xsl:otherwise><space h="90mm"/></xsl:otherwise>
      </xsl:choose>
      <p style="cover-date">
        <xsl:call-template name="date-ja">
          <xsl:with-param name="date" select="$cover-date"/>
        </xsl:call-template>
      </p>
      <p style="cover-body"><xsl:value-of select="$body-name"/></p>
    </flow>
  </xsl:template>

  <xsl:template name="introduction">
    <h level="1" id="intro" toc="1" outline="1" running="1">はじめに</h>
    <xsl:for-each select="$R/preface">
      <xsl:call-template name="review-mark"/>
      <xsl:apply-templates select="p" mode="report"/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="framework">
    <h level="1" id="framework" toc="1" outline="1" running="1">評価の枠組み</h>
    <xsl:for-each select="$R/framework">
      <xsl:call-template name="review-mark"/>
      <xsl:for-each select="*">
        <xsl:choose>
          <xsl:when test="self::p"><xsl:apply-templates select="." mode="report"/></xsl:when>
          <xsl:when test="self::areas"><xsl:call-template name="areas-table"/></xsl:when>
          <xsl:when test="self::viewpoints"><xsl:call-template name="viewpoints"/></xsl:when>
        </xsl:choose>
      </xsl:for-each>
      <xsl:if test="not(areas)"><xsl:call-template name="areas-table"/></xsl:if>
      <xsl:if test="not(viewpoints)"><xsl:call-template name="viewpoints"/></xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- 表1, the policy areas and fields of the matrix -->
  <xsl:template name="areas-table">
    <xsl:for-each select="$M/matrix/domains">
      <p style="caption">
        <xsl:choose>
          <xsl:when test="@title != ''"><xsl:value-of select="@title"/></xsl:when>
          <xsl:otherwise>表１ サイバーセキュリティ政策領域</xsl:otherwise>
        </xsl:choose>
      </p>
      <table widths="2 3" style="cell" head-style="cell-head" alt="サイバーセキュリティ政策領域">
        <tr head="1"><td>政策領域</td><td>政策分野</td></tr>
        <xsl:for-each select="domain">
          <tr>
            <td><xsl:value-of select="concat(@ref, ' ', @title)"/></td>
            <td>
              <xsl:choose>
                <xsl:when test="domain">
                  <xsl:for-each select="domain">
                    <xsl:if test="position() &gt; 1"><br/></xsl:if>
                    <xsl:call-template name="field-mark">
                      <xsl:with-param name="id" select="@ref"/>
                    </xsl:call-template>
                    <xsl:value-of select="@title"/>
                  </xsl:for-each>
                </xsl:when>
                <xsl:otherwise>－</xsl:otherwise>
              </xsl:choose>
            </td>
          </tr>
        </xsl:for-each>
      </table>
    </xsl:for-each>
  </xsl:template>

  <!-- the matrix's viewpoints (結果を測る視点, 成果を測る視点) -->
  <xsl:template name="viewpoints">
    <xsl:for-each select="$M/matrix/viewpoint">
      <h level="3" outline="1"><xsl:value-of select="concat('（', position(), '）', @title)"/></h>
      <xsl:apply-templates select="p" mode="text"/>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
