<?xml version="1.0" encoding="UTF-8"?>
<!--
  report.xsl: report model (join.xsl) → page description (*.pdoc) of the
  annual report, A4 portrait (docs/design.md "Page description";
  shared/spec/outputs.md "Annual report", items 1–6).

  Input:  build/Y/model/AREA.xml (one area's model, join.xsl)
  Params: draft  0 or 1: with 1 the document is stamped 案 (and
                 report-back.xsl adds the validation problems annex)
          date   REPORT_DATE, printed on the cover (report-front.xsl; default:
                 <date> of input/Y/report.xml, front.xsl)
  Output: build/Y/report/area-AREA.pdoc, the area's pages.  render lays
  out report/front.pdoc (report-front.xsl: cover, 目次, はじめに,
  評価の枠組み), the areas' pdocs in plan order and report/back.pdoc
  (report-back.xsl: the annexes) as one document; both read
  build/Y/year.xml (year.xsl) and import this file's templates.

  Order: cover; 目次; はじめに; 評価の枠組み (表1 policy areas, the two
  viewpoints); per area → field → section → group → measure in plan
  order; annexes 担当府省一覧, 提出状況, 備考 and, in drafts, 検証結果.
  Heading ids are the plan ids (1, 1-1, 1-1-1, 1-1-1-ア), so a relist
  links to <a href="#ref">.  Heading levels: area 1, field 2, section 3,
  measure 4; the 目次 shows levels 1–2.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common"
    exclude-result-prefixes="exsl">

  <xsl:include href="common.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:strip-space elements="*"/>

  <xsl:param name="draft" select="'0'"/>
  <xsl:param name="date" select="''"/>
  <!-- report-back.xsl: the absolute path of build/Y (or build/Y/draft),
       whose sum/ID.xml hold the areas' rows for 別添３ -->
  <xsl:param name="dir" select="''"/>

  <!-- In year.xml (front and back matter). -->
  <xsl:key name="field" match="/model/digest/field" use="@id"/>
  <xsl:key name="expected" match="/model/digest/exp" use="@c"/>
  <!-- issue 15, one voice: a paragraph of one part (実績, 評価, 今年度の取組)
       of one node's rows, by its text -->
  <xsl:key name="para" match="progress/*/p"
           use="concat(../../@measure, '|', local-name(..), '|', normalize-space())"/>
  <!-- … and of any part: a paragraph printed under 実績 is not printed
       again under 評価 or 今年度の取組 -->
  <xsl:key name="mpara" match="progress/*/p" use="concat(../../@measure, '|', normalize-space())"/>

  <xsl:variable name="year" select="/model/@year"/>
  <xsl:variable name="is-draft" select="$draft = '1' or $draft = 'yes' or $draft = 'true'"/>
  <xsl:variable name="era">
    <xsl:call-template name="era-year">
      <xsl:with-param name="year" select="$year"/>
    </xsl:call-template>
  </xsl:variable>
  <!-- The title is report.xml's (issue 14): report-front.xsl sets it on the
       cover and in the front pdoc's meta, which render takes for the
       whole report; an area's pdoc carries none of its own. -->
  <xsl:variable name="title" select="''"/>
  <xsl:variable name="body-name">
    <xsl:choose>
      <xsl:when test="/model/matrix/@body != ''"><xsl:value-of select="/model/matrix/@body"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="/model/plan/@body"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="cover-date">
    <xsl:choose>
      <xsl:when test="$date != ''"><xsl:value-of select="$date"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="/model/matrix/@date"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:template match="/">
    <xsl:if test="not(/model/area)">
      <xsl:message terminate="yes">report.xsl: error: the input is not an area's model (run join.xsl first)</xsl:message>
    </xsl:if>
    <document kind="report" draft="{number($is-draft)}">
      <xsl:call-template name="meta"/>
      <xsl:call-template name="head"/>
      <flow template="body">
        <xsl:apply-templates select="/model/area"/>
      </flow>
    </document>
  </xsl:template>

  <!-- Styles and page templates: every file of the report has them. -->
  <xsl:template name="head">
    <xsl:call-template name="styles"/>
    <template name="cover" width="210mm" height="297mm"
              margin-top="60mm" margin-bottom="30mm" margin-left="25mm" margin-right="25mm"/>
    <template name="body" width="210mm" height="297mm"
              margin-top="25mm" margin-bottom="25mm" margin-left="22mm" margin-right="22mm">
      <header style="small"><left><field name="title"/></left><right><field name="running"/></right></header>
      <footer style="small"><center>- <field name="page"/> -</center></footer>
    </template>
  </xsl:template>

  <xsl:template name="meta">
    <meta title="{$title}" author="{$body-name}"
          subject="{concat($era, '年度 サイバーセキュリティ政策の実施状況と評価')}"
          keywords="サイバーセキュリティ,年次報告,{/model/plan/@title},{$year}"/>
  </xsl:template>

  <!-- the cover: report-front.xsl (input/Y/report.xml) -->

  <xsl:template name="styles">
    <style name="body" font="mincho" size="10.5pt" leading="1.75" align="justify" indent="1em"/>
    <style name="plain" font="mincho" size="10.5pt" leading="1.75" align="justify" indent="0"/>
    <style name="h1" font="gothic" size="16pt" leading="1.4" weight="bold" space-before="6mm" space-after="4mm" keep-with-next="1"/>
    <style name="h2" font="gothic" size="13pt" leading="1.4" weight="bold" space-before="5mm" space-after="3mm" keep-with-next="1"/>
    <style name="h3" font="gothic" size="11.5pt" leading="1.5" weight="bold" space-before="4mm" space-after="2mm" keep-with-next="1"/>
    <style name="h4" font="gothic" size="10.5pt" leading="1.6" weight="bold" space-before="4mm" space-after="1.5mm" keep-with-next="1"/>
    <style name="group-head" font="gothic" size="10.5pt" leading="1.6" weight="bold" align="left" space-before="4mm" space-after="1mm" keep-with-next="1"/>
    <style name="subhead" font="gothic" size="10pt" leading="1.6" weight="bold" align="left" space-before="2mm" space-after="0.5mm" keep-with-next="1" color="#1f3864"/>
    <style name="item" font="mincho" size="10.5pt" leading="1.75" align="justify"/>
    <style name="bullet" font="mincho" size="10.5pt" leading="1.75" align="justify"/>
    <style name="missing" font="gothic" size="10pt" leading="1.6" align="left" color="#c00000" indent="0"/>
    <style name="relist" font="mincho" size="10.5pt" leading="1.75" align="left" indent="0"/>
    <style name="note" font="mincho" size="9pt" leading="1.6" align="justify" indent="0"/>
    <style name="entry-head" font="mincho" size="10.5pt" leading="1.75" align="left" indent="0" keep-with-next="1"/>
    <style name="caption" font="gothic" size="9.5pt" leading="1.5" align="left" space-before="2mm" space-after="1mm" keep-with-next="1"/>
    <style name="cell" font="mincho" size="9pt" leading="1.5" align="justify"/>
    <style name="cell-head" font="gothic" size="9pt" leading="1.5" weight="bold" align="center"/>
    <style name="small" font="gothic" size="8pt" leading="1.4" color="#404040"/>
    <style name="cover-title" font="gothic" size="22pt" leading="1.5" weight="bold" align="center"/>
    <style name="cover-sub" font="gothic" size="16pt" leading="1.5" align="center" space-before="4mm"/>
    <style name="cover-date" font="mincho" size="14pt" leading="1.5" align="center"/>
    <style name="cover-body" font="gothic" size="16pt" leading="1.5" align="center" space-before="6mm"/>
  </xsl:template>

  <!-- はじめに and 評価の枠組み: report-front.xsl, from input/Y/report.xml (issue 14). -->

  <!-- "1-3" → "③ " from the plan's field mark, when there is one. -->
  <xsl:template name="field-mark">
    <xsl:param name="id"/>
    <xsl:variable name="f" select="key('field', $id)"/>
    <xsl:if test="$f/@mark != ''"><xsl:value-of select="concat($f/@mark, ' ')"/></xsl:if>
  </xsl:template>

  <!-- ===== the plan tree (outputs.md item 4) ===== -->

  <!-- An area opens its own file, so its own page; the <pagebreak/>
       keeps the heading's space above it as on any page it opens. -->
  <xsl:template match="area">
    <pagebreak/>
    <h level="1" id="{@id}" toc="1" outline="1" running="1">
      <xsl:value-of select="concat(@num, '　', @title)"/>
    </h>
    <xsl:apply-templates select="p" mode="text"/>
    <xsl:call-template name="node-extras"/>
    <xsl:apply-templates select="field|section|group|measure|relist"/>
    <xsl:call-template name="node-tail"/>
  </xsl:template>

  <xsl:template match="field">
    <h level="2" id="{@id}" toc="1" outline="1">
      <xsl:value-of select="concat(@mark, '　', @title)"/>
    </h>
    <xsl:apply-templates select="p" mode="text"/>
    <xsl:call-template name="node-extras"/>
    <xsl:apply-templates select="section|group|measure|relist"/>
    <xsl:call-template name="node-tail"/>
  </xsl:template>

  <xsl:template match="section">
    <h level="3" id="{@id}" outline="1">
      <xsl:value-of select="concat(@num, ')　', @title)"/>
    </h>
    <xsl:apply-templates select="p" mode="text"/>
    <xsl:call-template name="node-extras"/>
    <xsl:apply-templates select="group|measure|relist"/>
    <xsl:call-template name="node-tail"/>
  </xsl:template>

  <xsl:template match="group">
    <p style="group-head"><anchor id="{@id}"/>【<xsl:value-of select="@title"/>】</p>
    <xsl:call-template name="node-extras"/>
    <xsl:apply-templates select="measure|relist"/>
    <xsl:call-template name="node-tail"/>
  </xsl:template>

  <!-- Summary rows, matrix text and entries aimed at an area, field, section or group. -->
  <xsl:template name="node-extras">
    <xsl:for-each select="text">
      <p style="note">
        <xsl:if test="@title != ''"><xsl:value-of select="concat('【', @title, '】')"/></xsl:if>
        <xsl:for-each select="p">
          <xsl:apply-templates select="node()" mode="inline"/>
        </xsl:for-each>
      </p>
    </xsl:for-each>
    <xsl:if test="summary/progress">
      <xsl:call-template name="progress-block">
        <xsl:with-param name="rows" select="summary/progress"/>
        <xsl:with-param name="lead" select="'概要：'"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- Matrix entries aimed at an area, field, section or group (the FY2013
       matrix targets fields) close the node, after its measures. -->
  <xsl:template name="node-tail">
    <xsl:if test="entry">
      <xsl:call-template name="conditions">
        <xsl:with-param name="head">
          <xsl:value-of select="'評価に当たり考慮すべき状況（'"/>
          <xsl:choose>
            <xsl:when test="self::field"><xsl:value-of select="concat(@mark, ' ', @title)"/></xsl:when>
            <xsl:when test="self::section"><xsl:value-of select="concat(@num, ') ', @title)"/></xsl:when>
            <xsl:when test="self::area"><xsl:value-of select="concat(@num, ' ', @title)"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="concat('【', @title, '】')"/></xsl:otherwise>
          </xsl:choose>
          <xsl:text>）</xsl:text>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="measure">
    <h level="4" id="{@id}" outline="1">
      <xsl:value-of select="concat('(', @label, ')　', @title)"/>
      <xsl:for-each select="footnote[@in = 'title']">
        <fn n="{@n}"><xsl:apply-templates select="node()" mode="inline"/></fn>
      </xsl:for-each>
      <xsl:if test="resp/@text != ''">
        <xsl:value-of select="concat('（', resp/@text, '）')"/>
      </xsl:if>
    </h>
    <xsl:if test="item[@label != '']">
      <list style="item">
        <xsl:for-each select="item[@label != '']">
          <li label="{@label})"><xsl:apply-templates select="node()" mode="inline"/></li>
        </xsl:for-each>
      </list>
    </xsl:if>
    <xsl:for-each select="item[not(@label) or @label = '']">
      <p style="body"><xsl:apply-templates select="node()" mode="inline"/></p>
    </xsl:for-each>

    <xsl:choose>
      <xsl:when test="progress">
        <xsl:call-template name="progress-block">
          <xsl:with-param name="rows" select="progress"/>
          <xsl:with-param name="lead" select="''"/>
        </xsl:call-template>
        <xsl:variable name="miss" select="status/ministry[@expected = '1'][@status = 'missing']"/>
        <xsl:if test="$miss">
          <p style="missing">
            <xsl:text>未提出（</xsl:text>
            <xsl:call-template name="names">
              <xsl:with-param name="ms" select="$miss"/>
            </xsl:call-template>
            <xsl:text>）</xsl:text>
          </p>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <p style="missing">
          <xsl:text>未提出（</xsl:text>
          <xsl:choose>
            <xsl:when test="status/ministry[@expected = '1']">
              <xsl:call-template name="names">
                <xsl:with-param name="ms" select="status/ministry[@expected = '1']"/>
              </xsl:call-template>
            </xsl:when>
            <xsl:when test="resp/@text != ''">
              <xsl:value-of select="resp/@text"/>
            </xsl:when>
            <xsl:otherwise>担当府省庁の記載なし</xsl:otherwise>
          </xsl:choose>
          <xsl:text>）</xsl:text>
        </p>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:if test="entry">
      <xsl:call-template name="conditions"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="relist">
    <h level="4" outline="0">
      <xsl:value-of select="concat('(', @label, ')　', @title)"/>
      <xsl:if test="resp/@text != ''">
        <xsl:value-of select="concat('（', resp/@text, '）')"/>
      </xsl:if>
      <xsl:text>（再掲）</xsl:text>
    </h>
    <p style="relist">
      <xsl:choose>
        <xsl:when test="@ref-found = '1'">
          <xsl:text>実施状況は</xsl:text>
          <a href="#{@ref}">
            <xsl:value-of select="@ref-path"/>
          </a>
          <xsl:text>に記載。</xsl:text>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="concat('実施状況は ', @ref, ' に記載。')"/>
        </xsl:otherwise>
      </xsl:choose>
    </p>
  </xsl:template>

  <!-- A relist's @ref-path ("1①1)(ア)「title」") is join's. -->

  <xsl:template name="names">
    <xsl:param name="ms"/>
    <xsl:for-each select="$ms">
      <xsl:if test="position() &gt; 1">、</xsl:if>
      <xsl:value-of select="@name"/>
    </xsl:for-each>
  </xsl:template>

  <!-- 実績 / 評価 / 今年度の取組, each paragraph credited 【府省庁】, registry order. -->
  <xsl:template name="progress-block">
    <xsl:param name="rows"/>
    <xsl:param name="lead"/>
    <!-- $rows is every progress child of these (summary/progress or
         progress): "a row of $rows" is "a child of $parents", tested
         against one or two nodes rather than all rows (a union with
         $rows per paragraph was quadratic: 40,000 rows, issue 12) -->
    <xsl:variable name="parents" select="$rows/.."/>
    <xsl:call-template name="progress-part">
      <xsl:with-param name="rows" select="$rows"/>
      <xsl:with-param name="part" select="'results'"/>
      <xsl:with-param name="head" select="concat($lead, '実績')"/>
    </xsl:call-template>
    <xsl:call-template name="progress-part">
      <xsl:with-param name="rows" select="$rows"/>
      <xsl:with-param name="part" select="'evaluation'"/>
      <xsl:with-param name="head" select="concat($lead, '評価')"/>
    </xsl:call-template>
    <!-- issue 15: 実績 without any 評価 says so where 評価 would be -->
    <xsl:variable name="res" select="$rows[results/p[normalize-space() != '']]"/>
    <xsl:variable name="evs" select="$rows[evaluation/p[normalize-space() != '']]"/>
    <xsl:variable name="ev-new"
        select="$evs/evaluation/p[normalize-space() != '']
                  [not(key('mpara', concat(../../@measure, '|', normalize-space()))
                       [local-name(..) = 'results'][count(../../.. | $parents) = count($parents)])]"/>
    <xsl:if test="$res and not($ev-new)">
      <p style="subhead"><xsl:value-of select="concat($lead, '評価')"/></p>
      <p style="missing">
        <xsl:choose>
          <xsl:when test="$evs">評価の記載なし（実績と同文：</xsl:when>
          <xsl:otherwise>評価の記載なし（</xsl:otherwise>
        </xsl:choose>
        <xsl:for-each select="$res">
          <xsl:sort select="@pos" data-type="number"/>
          <xsl:if test="position() &gt; 1">、</xsl:if>
          <xsl:call-template name="row-name"/>
        </xsl:for-each>
        <xsl:text>）</xsl:text>
      </p>
    </xsl:if>
    <xsl:call-template name="progress-part">
      <xsl:with-param name="rows" select="$rows"/>
      <xsl:with-param name="part" select="'next'"/>
      <xsl:with-param name="head" select="concat($lead, '今年度の取組')"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="progress-part">
    <xsl:param name="rows"/>
    <xsl:param name="part"/>
    <xsl:param name="head"/>
    <xsl:variable name="parents" select="$rows/.."/>
    <xsl:variable name="earlier">
      <xsl:choose>
        <xsl:when test="$part = 'evaluation'"> results </xsl:when>
        <xsl:when test="$part = 'next'"> results evaluation </xsl:when>
      </xsl:choose>
    </xsl:variable>
    <!-- the plan's text of the measure, without its footnotes' -->
    <xsl:variable name="plan-rtf">
      <xsl:for-each select="$rows[1]/../item">
        <i><xsl:for-each select="node()[not(self::fnref)]"><xsl:value-of select="."/></xsl:for-each></i>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="plan" select="exsl:node-set($plan-rtf)/i"/>
    <!-- the rows with a paragraph of this part not printed in an earlier one -->
    <xsl:variable name="with"
        select="$rows[*[local-name() = $part]/p[normalize-space() != '']
                  [not(key('mpara', concat(../../@measure, '|', normalize-space()))
                       [contains($earlier, concat(' ', local-name(..), ' '))]
                       [count(../../.. | $parents) = count($parents)])]]"/>
    <xsl:if test="$with">
      <p style="subhead"><xsl:value-of select="$head"/></p>
      <xsl:for-each select="$with">
        <xsl:sort select="@pos" data-type="number"/>
        <xsl:variable name="row" select="."/>
        <xsl:for-each select="*[local-name() = $part]/p[normalize-space() != '']">
          <!-- issue 15, one voice: a paragraph several rows share is printed
               once, at the first of them (registry order), credited to all -->
          <xsl:variable name="same"
              select="key('para', concat($row/@measure, '|', $part, '|', normalize-space()))
                      [count(../../.. | $parents) = count($parents)]"/>
          <xsl:variable name="first" select="$same[not(../../@pos &gt; $same/../../@pos)][1]"/>
          <xsl:variable name="before"
              select="key('mpara', concat($row/@measure, '|', normalize-space()))
                      [contains($earlier, concat(' ', local-name(..), ' '))]
                      [count(../../.. | $parents) = count($parents)]"/>
          <xsl:if test="generate-id() = generate-id($first) and not($before)">
            <p style="body">
              <xsl:call-template name="src"><xsl:with-param name="row" select="$row"/></xsl:call-template>
              <!-- issue 12: two versions of one submission (draft only): each row names its file -->
              <xsl:if test="$row/@overlap != ''"><b><xsl:value-of select="concat('〔', $row/@file, ' より〕')"/></b></xsl:if>
              <xsl:choose>
                <!-- the plan's own text, printed above under the heading -->
                <xsl:when test="$plan[normalize-space() = normalize-space(current())]">計画の記載のとおり。</xsl:when>
                <xsl:otherwise><xsl:apply-templates select="node()" mode="inline"/></xsl:otherwise>
              </xsl:choose>
              <xsl:text>（</xsl:text>
              <xsl:for-each select="$same">
                <xsl:sort select="../../@pos" data-type="number"/>
                <xsl:variable name="m" select="string(../../@ministry)"/>
                <xsl:if test="generate-id(.) = generate-id($same[string(../../@ministry) = $m][1])">
                  <xsl:if test="position() &gt; 1">、</xsl:if>
                  <xsl:for-each select="../.."><xsl:call-template name="row-name"/></xsl:for-each>
                </xsl:if>
              </xsl:for-each>
              <xsl:text>）</xsl:text>
            </p>
          </xsl:if>
        </xsl:for-each>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <xsl:template name="row-name">
    <xsl:choose>
      <xsl:when test="@name != ''"><xsl:value-of select="@name"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="@ministry"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- 評価に当たり考慮すべき状況: each indicator, its figures as a table, a chart from 2 years. -->
  <xsl:template name="conditions">
    <xsl:param name="head" select="'評価に当たり考慮すべき状況'"/>
    <p style="subhead"><xsl:value-of select="$head"/></p>
    <xsl:for-each select="entry">
      <xsl:if test="count(../entry) &gt; 1 and @title != ''">
        <p style="entry-head"><b><xsl:value-of select="concat('〔', @title, '〕')"/></b></p>
      </xsl:if>
      <list style="bullet">
        <xsl:for-each select="indicator">
          <li>
            <xsl:value-of select="normalize-space(text)"/>
            <xsl:if test="normalize-space(source) != ''">
              <xsl:value-of select="concat('（', normalize-space(source), '）')"/>
            </xsl:if>
          </li>
        </xsl:for-each>
      </list>
      <xsl:for-each select="indicator[series/value]">
        <xsl:call-template name="indicator-figures"/>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="indicator-figures">
    <xsl:variable name="unit" select="series[@unit != ''][1]/@unit"/>
    <xsl:variable name="many" select="count(series) &gt; 1"/>
    <xsl:variable name="label" select="normalize-space(text)"/>
    <p style="caption">
      <xsl:value-of select="$label"/>
      <xsl:if test="$unit != ''"><xsl:value-of select="concat('（単位：', $unit, '）')"/></xsl:if>
    </p>
    <table style="cell" head-style="cell-head" alt="{$label}">
      <xsl:attribute name="widths">
        <xsl:choose>
          <xsl:when test="$many">2 2 3 3</xsl:when>
          <xsl:otherwise>2 2 4</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <tr head="1">
        <td>年度</td>
        <td>値</td>
        <xsl:if test="$many"><td>府省庁</td></xsl:if>
        <td>出典</td>
      </tr>
      <xsl:for-each select="series/value">
        <xsl:sort select="@year" data-type="number"/>
        <tr>
          <td align="center"><xsl:value-of select="concat(@year, '年度')"/></td>
          <td align="right">
            <xsl:choose>
              <!-- issue 12: the decimal as written (ingest's canonical
                   string), never through a double: 0.0004, 12.3456 -->
              <xsl:when test="string(@value) != ''">
                <xsl:call-template name="grouped"><xsl:with-param name="v" select="@value"/></xsl:call-template>
              </xsl:when>
              <xsl:otherwise><xsl:value-of select="@written"/></xsl:otherwise>
            </xsl:choose>
          </td>
          <xsl:if test="$many"><td><xsl:value-of select="../@name"/></td></xsl:if>
          <td>
            <xsl:choose>
              <xsl:when test="@source != ''"><xsl:value-of select="@source"/></xsl:when>
              <xsl:when test="../@source != ''"><xsl:value-of select="../@source"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="normalize-space(../../source)"/></xsl:otherwise>
            </xsl:choose>
          </td>
        </tr>
      </xsl:for-each>
    </table>
    <xsl:if test="series[count(value) &gt;= 2]">
      <xsl:call-template name="chart-with-alt">
        <xsl:with-param name="chart">
          <chart kind="bar" title="{$label}" unit="{$unit}" alt="{$label}の推移"
                 width="120mm" height="55mm">
            <xsl:call-template name="indicator-chart"/>
          </chart>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- ===== annexes (outputs.md item 5) ===== -->

  <xsl:template name="annex-responsibility">
    <pagebreak/>
    <h level="1" id="annex-resp" toc="1" outline="1" running="1">別添１　担当府省一覧</h>
    <p style="body">各府省庁が提出を求められる施策（年次計画の担当府省庁の記載による。「関係府省庁」のみの施策は含まない。）は次のとおりである。</p>
    <table widths="1 4" style="cell" head-style="cell-head" alt="担当府省一覧">
      <tr head="1"><td>府省庁</td><td>担当する施策</td></tr>
      <xsl:for-each select="/model/registry/ministry">
        <xsl:variable name="c" select="@code"/>
        <xsl:variable name="ms" select="key('expected', $c)"/>
        <tr>
          <td><xsl:value-of select="@name"/></td>
          <td>
            <xsl:choose>
              <xsl:when test="$ms">
                <xsl:for-each select="$ms">
                  <xsl:if test="position() &gt; 1">、</xsl:if>
                  <xsl:value-of select="@id"/>
                </xsl:for-each>
                <xsl:value-of select="concat('（', count($ms), '件）')"/>
              </xsl:when>
              <xsl:otherwise>－</xsl:otherwise>
            </xsl:choose>
          </td>
        </tr>
      </xsl:for-each>
    </table>
  </xsl:template>

  <xsl:template name="annex-status">
    <h level="1" id="annex-status" toc="1" outline="1" running="1">別添２　提出状況</h>
    <p style="body">
      <xsl:value-of select="concat('府省庁ごとの提出状況は次のとおりである（全体：対象', /model/@expected,
                            '件、提出', /model/@received, '件、未提出', /model/@missing, '件）。')"/>
    </p>
    <table widths="3 2 2 2 2" style="cell" head-style="cell-head" alt="府省庁別提出状況">
      <tr head="1"><td>府省庁</td><td>対象</td><td>提出</td><td>未提出</td><td>対象外の提出</td></tr>
      <xsl:for-each select="/model/counts/ministry">
        <tr>
          <td><xsl:value-of select="@name"/></td>
          <td align="right"><xsl:value-of select="@expected"/></td>
          <td align="right"><xsl:value-of select="@received"/></td>
          <td align="right"><xsl:value-of select="@missing"/></td>
          <td align="right"><xsl:value-of select="@extra"/></td>
        </tr>
      </xsl:for-each>
      <tr>
        <td><b>計</b></td>
        <td align="right"><b><xsl:value-of select="/model/@expected"/></b></td>
        <td align="right"><b><xsl:value-of select="/model/@received"/></b></td>
        <td align="right"><b><xsl:value-of select="/model/@missing"/></b></td>
        <td align="right"><b><xsl:value-of select="sum(/model/counts/ministry/@extra)"/></b></td>
      </tr>
    </table>
    <!-- A bar per ministry while it stays legible (40); past that, the
         ministries with something missing, the first 40 of them. -->
    <xsl:variable name="with" select="/model/counts/ministry[@expected &gt; 0]"/>
    <xsl:variable name="charted"
        select="$with[count($with) &lt;= 40]
                | /model/counts/ministry[count($with) &gt; 40][@missing &gt; 0][position() &lt;= 40]"/>
    <xsl:call-template name="chart-with-alt">
      <xsl:with-param name="chart">
        <chart kind="bar" title="府省庁別提出状況" unit="件" alt="府省庁別の提出件数と未提出件数"
               width="160mm" height="80mm" source="各府省庁の提出ファイルによる">
          <series name="提出">
            <xsl:for-each select="$charted">
              <pt x="{@name}" y="{@received}"/>
            </xsl:for-each>
          </series>
          <series name="未提出">
            <xsl:for-each select="$charted">
              <pt x="{@name}" y="{@missing}"/>
            </xsl:for-each>
          </series>
        </chart>
      </xsl:with-param>
    </xsl:call-template>
    <!-- issue 15, nothing silently missing: every missing pair, every
         measure with 実績 but no 評価, by id, title and ministry -->
    <p style="subhead">未提出の施策</p>
    <xsl:choose>
      <xsl:when test="/model/digest/miss">
        <table widths="2 6 2" style="cell" head-style="cell-head" alt="未提出の施策">
          <tr head="1"><td>施策番号</td><td>施策</td><td>府省庁</td></tr>
          <xsl:for-each select="/model/digest/miss">
            <tr><td><xsl:value-of select="@id"/></td><td><xsl:value-of select="@title"/></td>
                <td><xsl:value-of select="@name"/></td></tr>
          </xsl:for-each>
        </table>
      </xsl:when>
      <xsl:otherwise><p style="body">未提出の施策はない。</p></xsl:otherwise>
    </xsl:choose>
    <p style="subhead">評価の記載がない施策</p>
    <xsl:choose>
      <xsl:when test="/model/digest/noeval">
        <p style="caption">次の施策は、実績の記載があるが、評価の記載がない。</p>
        <table widths="2 6 2" style="cell" head-style="cell-head" alt="評価の記載がない施策">
          <tr head="1"><td>施策番号</td><td>施策</td><td>府省庁</td></tr>
          <xsl:for-each select="/model/digest/noeval">
            <tr><td><xsl:value-of select="@id"/></td><td><xsl:value-of select="@title"/></td>
                <td><xsl:value-of select="@names"/></td></tr>
          </xsl:for-each>
        </table>
      </xsl:when>
      <xsl:otherwise><p style="body">実績の記載がある施策には、いずれも評価の記載がある。</p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="annex-notes">
    <!-- the areas' rows (plan order; in each area's sum/ID.xml under
         $dir, report-back.xsl), then the orphans' -->
    <xsl:variable name="paths-rtf">
      <xsl:for-each select="/model/digest/area">
        <u><xsl:value-of select="concat($dir, '/sum/', @id, '.xml')"/></u>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="paths" select="exsl:node-set($paths-rtf)/u"/>
    <xsl:variable name="carried" select="document($paths)/sum/progress"/>
    <xsl:variable name="orphans" select="/model/orphans/progress[note/p[normalize-space() != '']
                                         or extra[normalize-space() != '']]"/>
    <xsl:variable name="rows" select="$carried | $orphans"/>
    <h level="1" id="annex-notes" toc="1" outline="1" running="1">別添３　備考</h>
    <xsl:choose>
      <xsl:when test="$rows">
        <p style="body">各府省庁の提出に付された備考及び様式外の列の記載は次のとおりである。</p>
        <table widths="2 2 6" style="cell" head-style="cell-head" alt="備考">
          <tr head="1"><td>施策番号</td><td>府省庁</td><td>備考</td></tr>
          <!-- area by area: nodes of several documents have no order -->
          <xsl:for-each select="$paths">
            <xsl:for-each select="document(.)/sum/progress">
              <xsl:call-template name="note-row"/>
            </xsl:for-each>
          </xsl:for-each>
          <xsl:for-each select="$orphans">
            <xsl:call-template name="note-row"/>
          </xsl:for-each>
        </table>
      </xsl:when>
      <xsl:otherwise>
        <p style="body">備考の記載はない。</p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="note-row">
            <tr>
              <td><xsl:value-of select="@measure"/></td>
              <td><xsl:value-of select="@name"/></td>
              <td>
                <xsl:call-template name="src"><xsl:with-param name="row" select="."/></xsl:call-template>
                <xsl:for-each select="note/p[normalize-space() != '']">
                  <xsl:if test="position() &gt; 1"><br/></xsl:if>
                  <xsl:value-of select="."/>
                </xsl:for-each>
                <xsl:for-each select="extra[normalize-space() != '']">
                  <xsl:if test="position() &gt; 1 or ../note/p[normalize-space() != '']"><br/></xsl:if>
                  <xsl:value-of select="concat('〔', @column, '〕', normalize-space(.))"/>
                </xsl:for-each>
              </td>
            </tr>
  </xsl:template>

  <xsl:template name="annex-diags">
    <xsl:variable name="ds" select="/model/diags/diag"/>
    <h level="1" id="annex-diags" toc="1" outline="1" running="1">別添４　検証結果（案のみ）</h>
    <p style="body">
      <xsl:value-of select="concat('提出ファイルの検証で見つかった問題（エラー', count($ds[@severity = 'error']),
                            '件、警告', count($ds[@severity = 'warning']),
                            '件）は次のとおりである。エラーの行は本文に反映されていない。')"/>
    </p>
    <xsl:if test="$ds">
      <table widths="3 1 6" style="cell" head-style="cell-head" alt="検証結果">
        <tr head="1"><td>ファイル:行</td><td>種別</td><td>内容</td></tr>
        <xsl:for-each select="$ds">
          <tr>
            <td>
              <xsl:value-of select="@file"/>
              <xsl:if test="@line != '' and @line != '0'"><xsl:value-of select="concat(':', @line)"/></xsl:if>
            </td>
            <td>
              <xsl:choose>
                <xsl:when test="@severity = 'error'">エラー</xsl:when>
                <xsl:otherwise>警告</xsl:otherwise>
              </xsl:choose>
            </td>
            <td>
              <xsl:call-template name="src"><xsl:with-param name="row" select="."/></xsl:call-template>
              <xsl:if test="@column != ''"><xsl:value-of select="concat('〔', @column, '〕')"/></xsl:if>
              <xsl:value-of select="message"/>
              <xsl:if test="normalize-space(row) != ''">
                <br/>
                <xsl:value-of select="concat('「', row, '」')"/>
              </xsl:if>
            </td>
          </tr>
        </xsl:for-each>
      </table>
    </xsl:if>
    <xsl:if test="/model/orphans/indicator">
      <p style="subhead">評価指標に結び付けられなかった行</p>
      <xsl:for-each select="/model/orphans/indicator">
        <p style="plain">
          <xsl:call-template name="src"><xsl:with-param name="row" select="."/></xsl:call-template>
          <xsl:value-of select="concat(@src, '：', @ref, @text, '（', @year, '年度）', @written, @unit)"/>
        </p>
      </xsl:for-each>
    </xsl:if>
    <xsl:if test="/model/orphans/progress">
      <p style="subhead">計画にない施策番号の行</p>
      <xsl:for-each select="/model/orphans/progress">
        <p style="plain">
          <xsl:call-template name="src"><xsl:with-param name="row" select="."/></xsl:call-template>
          <xsl:value-of select="concat(@src, '：', @measure, '（', @name, '）')"/>
          <xsl:for-each select="*/p"><br/><xsl:value-of select="."/></xsl:for-each>
        </p>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>


  <!-- ===== text ===== -->

  <xsl:template match="p" mode="text">
    <p style="body"><xsl:apply-templates select="node()" mode="inline"/></p>
  </xsl:template>

  <xsl:template match="fnref" mode="inline">
    <fn n="{@n}"><xsl:apply-templates select="node()" mode="inline"/></fn>
  </xsl:template>

  <xsl:template match="fn" mode="inline">
    <fn n="{@n}"><xsl:apply-templates select="node()" mode="inline"/></fn>
  </xsl:template>

  <xsl:template match="b|br" mode="inline">
    <xsl:copy><xsl:apply-templates select="node()" mode="inline"/></xsl:copy>
  </xsl:template>

  <!-- Unknown inline markup: keep its text, never lose it. -->
  <xsl:template match="*" mode="inline">
    <xsl:apply-templates select="node()" mode="inline"/>
  </xsl:template>

  <xsl:template match="text()" mode="inline">
    <xsl:value-of select="."/>
  </xsl:template>

</xsl:stylesheet>
