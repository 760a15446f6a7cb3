<?xml version="1.0" encoding="UTF-8"?>
<!--
  slides.xsl: report model (join.xsl) → page description (*.pdoc) of the
  summary slides, 16:9 (960 × 540 pt, exactly 16:9), in the form of
  seed 003 (shared/spec/outputs.md "Summary slides"; issue 5).

  Input:  build/Y/model/AREA.xml (one area's model, join.xsl)
  Params: draft  0 or 1 (stamps every slide 案)
          date   ISO date for the title slide (slides-front.xsl; default:
                 the matrix date)
  Output: build/Y/slides/area-AREA.pdoc, the area's slides.  render lays
  out slides/front.pdoc (slides-front.xsl: the title slide), the areas'
  pdocs in plan order and slides/back.pdoc (slides-back.xsl: indicators,
  submission status) as one document; both read build/Y/year.xml and
  import this file's templates.

  Slides: a title slide (both calendars, body, date); per plan area one
  slide with the band 「主な昨年度の取組実績、評価及び今年度の取組」, the
  area title and three frames 昨年度の実績 (bullets), 評価 (paragraphs),
  今年度の取組 (bullets), filled from the area's summary rows (area, field,
  section, group ids) as written, those of a field or section credited
  （総務省）; only where an area has no summary row, from its highlighted
  (重点) measure rows, one bullet each: the first sentence, credited once
  (issue 15, seed 003).  Credits are unbreakable (<span keep="1">).  Panel
  text is 14 pt; each panel kind is a frame group, set at one size across
  the deck (render shrinks a group for every slide when one frame of it
  would overflow, down to min-scale 0.8) and overflows to slides titled
  （続き） only past that (the renderer leaves finished frames off the
  continuation slides).  Then the
  key indicators as charts, four per slide, and the submission status as
  a ministry × area grid (td fill: green all received, red some missing),
  18 ministries to a slide.
  Nothing is placed closer than 5 mm to the slide edge except the
  decorative rectangles.
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

  <xsl:variable name="year" select="/model/@year"/>
  <xsl:variable name="is-draft" select="$draft = '1' or $draft = 'yes' or $draft = 'true'"/>
  <xsl:variable name="era">
    <xsl:call-template name="era-year">
      <xsl:with-param name="year" select="$year"/>
    </xsl:call-template>
  </xsl:variable>
  <!-- The title is report.xml's (issue 14): slides-front.xsl sets it on the
       title slide and in the front pdoc's meta, which render takes for the
       whole deck; an area's pdoc carries none of its own. -->
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

  <!-- Colours and the grid: a 10 mm margin, frames between 33 mm and 176 mm. -->
  <xsl:variable name="navy" select="'#1f3864'"/>
  <xsl:variable name="band-text" select="'主な昨年度の取組実績、評価及び今年度の取組'"/>
  <!-- Indicators with figures: those with two or more years first. -->
  <xsl:variable name="charted" select="/model/digest/indicator[series[count(value) &gt;= 2]]"/>
  <xsl:variable name="key-indicators"
      select="$charted | /model/digest/indicator[not($charted)][series/value]"/>

  <xsl:template match="/">
    <xsl:if test="not(/model/area)">
      <xsl:message terminate="yes">slides.xsl: error: the input is not an area's model (run join.xsl first)</xsl:message>
    </xsl:if>
    <document kind="slides" draft="{number($is-draft)}">
      <xsl:call-template name="meta"/>
      <xsl:call-template name="head"/>
      <xsl:apply-templates select="/model/area"/>
    </document>
  </xsl:template>

  <xsl:template name="meta">
    <!-- (「… 概要」; an area's pdoc, with no title of its own, has none) -->
    <meta title="{concat($title, substring(' 概要', 1, 3 * number($title != '')))}" author="{$body-name}"
          subject="{concat($era, '年度 主な取組実績、評価及び今年度の取組')}"
          keywords="サイバーセキュリティ,年次報告,概要,{$year}"/>
  </xsl:template>

  <!-- Styles and the slide template: every file of the slides has them. -->
  <xsl:template name="head">
    <xsl:call-template name="styles"/>
    <template name="slide" width="960pt" height="540pt"
              margin-top="8mm" margin-bottom="12mm" margin-left="10mm" margin-right="10mm">
      <footer style="slide-footer"><right><field name="page"/></right></footer>
    </template>
  </xsl:template>

  <xsl:template name="styles">
    <style name="slide-band" font="pgothic" size="16pt" leading="1.3" weight="bold" color="#ffffff" align="left"/>
    <style name="slide-title" font="pgothic" size="20pt" leading="1.3" weight="bold" color="#1f3864" align="left"/>
    <style name="panel-head" font="pgothic" size="15pt" leading="1.3" weight="bold" color="#ffffff" align="left"/>
    <style name="panel-body" font="pgothic" size="14pt" leading="1.4" align="justify" space-after="2pt"/>
    <style name="panel-empty" font="pgothic" size="14pt" leading="1.4" align="left" color="#7f7f7f"/>
    <style name="slide-cover-title" font="pgothic" size="28pt" leading="1.4" weight="bold" color="#1f3864" align="center"/>
    <style name="slide-cover-sub" font="pgothic" size="20pt" leading="1.4" align="center"/>
    <style name="slide-cover-small" font="pgothic" size="16pt" leading="1.4" align="center"/>
    <style name="slide-footer" font="pgothic" size="9pt" leading="1.2" color="#404040" align="right"/>
    <style name="grid-cell" font="pgothic" size="11pt" leading="1.25" align="center"/>
    <style name="grid-head" font="pgothic" size="11pt" leading="1.25" weight="bold" align="center"/>
    <style name="legend" font="pgothic" size="12pt" leading="1.3" align="left" color="#404040"/>
  </xsl:template>

  <xsl:template name="band">
    <xsl:param name="text" select="$band-text"/>
    <rect x="0" y="0" w="100%" h="16mm" fill="{$navy}"/>
    <textbox x="10mm" y="5.5mm" w="318.67mm" h="9mm" style="slide-band"><xsl:value-of select="$text"/></textbox>
  </xsl:template>

  <!-- One slide per area (more when the renderer continues a frame). -->
  <xsl:template match="area">
    <xsl:variable name="sum" select=".//summary/progress"/>
    <!-- 重点 rows only where the area has no summary row (issue 15) -->
    <xsl:variable name="hl" select=".//measure/progress[@highlight = '1'][not($sum)]"/>
    <xsl:variable name="heading" select="concat(@num, '　', @title)"/>
    <!-- The right column (139 mm of frames) is shared between 評価 and
         今年度の取組 in proportion to their text, each at least 40 mm. -->
    <xsl:variable name="eval-rtf">
      <xsl:call-template name="bullets">
        <xsl:with-param name="sum" select="$sum"/>
        <xsl:with-param name="hl" select="$hl"/>
        <xsl:with-param name="part" select="'evaluation'"/>
        <xsl:with-param name="el" select="'p'"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="next-rtf">
      <xsl:call-template name="bullets">
        <xsl:with-param name="sum" select="$sum"/>
        <xsl:with-param name="hl" select="$hl"/>
        <xsl:with-param name="part" select="'next'"/>
      </xsl:call-template>
    </xsl:variable>
    <!-- Estimated height (mm) each needs at the design size (14 pt, 1.4
         leading, about 29 characters a line in a 156 mm frame, 16 mm of
         band and insets); 評価 gets what it needs when both fit, else a
         share in proportion, between 52 and 99 mm. -->
    <xsl:variable name="ne">
      <xsl:call-template name="est-mm">
        <xsl:with-param name="units" select="exsl:node-set($eval-rtf)/p"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="nn">
      <xsl:call-template name="est-mm">
        <xsl:with-param name="units" select="exsl:node-set($next-rtf)//li | exsl:node-set($next-rtf)/p"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="eh-raw">
      <xsl:choose>
        <xsl:when test="$ne + $nn &lt;= 139"><xsl:value-of select="ceiling($ne) + 2"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="round(139 * $ne div ($ne + $nn))"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="eh">
      <xsl:choose>
        <xsl:when test="$eh-raw &lt; 52">52</xsl:when>
        <xsl:when test="$eh-raw &gt; 99">99</xsl:when>
        <xsl:otherwise><xsl:value-of select="$eh-raw"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <slide template="slide" outline="{concat(@num, ' ', @title)}" continued="（続き）">
      <xsl:call-template name="band"/>
      <textbox x="10mm" y="19mm" w="318.67mm" h="11mm" style="slide-title" role="title"><xsl:value-of select="$heading"/></textbox>
      <frame x="10mm" y="33mm" w="158mm" h="143mm" style="panel-body" min-scale="0.8"
             border="{$navy}" title="昨年度の実績" group="results">
        <xsl:call-template name="bullets">
          <xsl:with-param name="sum" select="$sum"/>
          <xsl:with-param name="hl" select="$hl"/>
          <xsl:with-param name="part" select="'results'"/>
        </xsl:call-template>
      </frame>
      <frame x="172mm" y="33mm" w="156.67mm" h="{$eh}mm" style="panel-body" min-scale="0.8"
             border="{$navy}" title="評価" group="evaluation">
        <xsl:copy-of select="$eval-rtf"/>
      </frame>
      <frame x="172mm" y="{33 + $eh + 4}mm" w="156.67mm" h="{139 - $eh}mm" style="panel-body"
             min-scale="0.8" border="{$navy}" title="今年度の取組" group="next">
        <xsl:copy-of select="$next-rtf"/>
      </frame>
    </slide>
  </xsl:template>

  <!-- Height in mm of `units` (p or li) in a right-hand frame at 14 pt. -->
  <xsl:template name="est-mm">
    <xsl:param name="units"/>
    <xsl:variable name="lines">
      <xsl:for-each select="$units">
        <n><xsl:value-of select="ceiling(string-length(normalize-space(.)) div 29)"/></n>
      </xsl:for-each>
    </xsl:variable>
    <xsl:value-of select="16 + 6.92 * sum(exsl:node-set($lines)/n) + 2.4 * count($units)"/>
  </xsl:template>

  <!-- A ministry's credit: one unbreakable unit (render never breaks a
       line inside a <span keep="1">), so 「（警察庁）」 is never cut. -->
  <xsl:template name="credit">
    <span keep="1"><xsl:value-of select="concat('（', @name, '）')"/></span>
  </xsl:template>

  <!-- The context paragraph's first sentence (up to the first 。 outside
       brackets is not attempted: the first 。), for a 重点 row's bullet. -->
  <xsl:template name="first-sentence">
    <xsl:variable name="t" select="normalize-space(.)"/>
    <xsl:choose>
      <xsl:when test="contains($t, '。')"><xsl:value-of select="concat(substring-before($t, '。'), '。')"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$t"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Summary rows first (the area's own rows uncredited: they speak for the
       area; field/section rows credited to their ministry), then 重点 rows,
       credited （総務省）. -->
  <xsl:template name="bullets">
    <xsl:param name="sum"/>
    <xsl:param name="hl"/>
    <xsl:param name="part"/>
    <!-- li in a list; p for 評価 -->
    <xsl:param name="el" select="'li'"/>
    <xsl:variable name="sp" select="$sum/*[local-name() = $part]/p[normalize-space() != '']"/>
    <xsl:variable name="hp" select="$hl/*[local-name() = $part]/p[normalize-space() != '']"/>
    <xsl:variable name="items">
      <xsl:for-each select="$sp">
        <xsl:element name="{$el}">
          <xsl:if test="$el = 'p'"><xsl:attribute name="style">panel-body</xsl:attribute></xsl:if>
          <xsl:call-template name="src"><xsl:with-param name="row" select="../.."/></xsl:call-template>
          <xsl:value-of select="normalize-space(.)"/>
          <xsl:for-each select="parent::*/parent::*[@level != 'area']"><xsl:call-template name="credit"/></xsl:for-each>
        </xsl:element>
      </xsl:for-each>
      <xsl:for-each select="$hp[not(preceding-sibling::p[normalize-space() != ''])]">
        <xsl:element name="{$el}">
          <xsl:if test="$el = 'p'"><xsl:attribute name="style">panel-body</xsl:attribute></xsl:if>
          <xsl:call-template name="src"><xsl:with-param name="row" select="../.."/></xsl:call-template>
          <xsl:call-template name="first-sentence"/>
          <xsl:for-each select="../.."><xsl:call-template name="credit"/></xsl:for-each>
        </xsl:element>
      </xsl:for-each>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="not($sp or $hp)"><p style="panel-empty">（記載なし）</p></xsl:when>
      <xsl:when test="$el = 'li'"><list style="panel-body"><xsl:copy-of select="$items"/></list></xsl:when>
      <xsl:otherwise><xsl:copy-of select="$items"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Key indicators: four charts per slide, in plan order. -->
  <xsl:template name="indicator-slides">
    <xsl:for-each select="$key-indicators[position() mod 4 = 1]">
      <xsl:variable name="first" select="position()"/>
      <slide template="slide" outline="主な評価指標" continued="（続き）">
        <xsl:call-template name="band">
          <xsl:with-param name="text" select="'評価に当たり考慮すべき状況（主な指標）'"/>
        </xsl:call-template>
        <textbox x="10mm" y="19mm" w="318.67mm" h="11mm" style="slide-title" role="title">
          <xsl:text>主な評価指標の推移</xsl:text>
          <xsl:if test="count($key-indicators) &gt; 4">
            <xsl:value-of select="concat('（', $first, '／', ceiling(count($key-indicators) div 4), '）')"/>
          </xsl:if>
        </textbox>
        <xsl:for-each select="$key-indicators[position() &gt; ($first - 1) * 4 and position() &lt;= $first * 4]">
          <xsl:variable name="i" select="position() - 1"/>
          <xsl:variable name="unit" select="series[@unit != ''][1]/@unit"/>
          <xsl:call-template name="chart-with-alt">
            <xsl:with-param name="chart">
              <chart kind="bar" x="{10 + ($i mod 2) * 162.67}mm" y="{33 + floor($i div 2) * 73}mm"
                     w="156mm" h="69mm" title="{normalize-space(text)}" unit="{$unit}"
                     alt="{normalize-space(text)}の推移">
                <xsl:call-template name="indicator-chart"/>
              </chart>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:for-each>
      </slide>
    </xsl:for-each>
  </xsl:template>

  <!-- Submission status: ministry × area, received/expected, coloured;
       18 ministries to a slide, area columns while there are at most 8
       areas (a synthetic 100x year has hundreds: then totals only). -->
  <!-- The status grid's colours, for its cells and its legend alike. -->
  <xsl:variable name="fill-complete" select="'#d9ead3'"/>
  <xsl:variable name="fill-missing" select="'#f4cccc'"/>
  <xsl:variable name="fill-none" select="'#eeeeee'"/>
  <xsl:template name="status-slide">
    <xsl:variable name="areas" select="/model/digest/area[count(/model/digest/area) &lt;= 8]"/>
    <xsl:variable name="rows" select="/model/counts/ministry[@expected &gt; 0 or @extra &gt; 0]"/>
    <xsl:variable name="per" select="18"/>
    <xsl:variable name="pages" select="ceiling(count($rows) div $per)"/>
    <xsl:for-each select="$rows[position() mod $per = 1]">
      <xsl:variable name="k" select="position()"/>
      <slide template="slide" outline="提出状況" continued="（続き）">
        <xsl:call-template name="band">
          <xsl:with-param name="text" select="'各府省庁からの提出状況'"/>
        </xsl:call-template>
        <textbox x="10mm" y="19mm" w="318.67mm" h="11mm" style="slide-title" role="title">
          <xsl:value-of select="concat('提出状況（提出', /model/@received, '件／対象', /model/@expected,
                                '件、未提出', /model/@missing, '件）')"/>
          <xsl:if test="$pages &gt; 1"><xsl:value-of select="concat('（', $k, '／', $pages, '）')"/></xsl:if>
        </textbox>
        <table x="10mm" y="33mm" w="318.67mm" style="grid-cell" head-style="grid-head"
               alt="府省庁別・政策領域別の提出状況">
          <xsl:attribute name="widths">
            <xsl:text>3</xsl:text>
            <xsl:for-each select="$areas"> 3</xsl:for-each>
            <xsl:if test="not($areas)"> 2 2 2</xsl:if>
            <xsl:text> 3</xsl:text>
          </xsl:attribute>
          <tr head="1">
            <td>府省庁</td>
            <xsl:for-each select="$areas">
              <td><xsl:value-of select="concat(@num, ' ', @title)"/></td>
            </xsl:for-each>
            <xsl:if test="not($areas)"><td>対象</td><td>提出</td><td>未提出</td></xsl:if>
            <td>計</td>
          </tr>
          <xsl:for-each select="$rows[position() &gt; ($k - 1) * $per and position() &lt;= $k * $per]">
            <xsl:variable name="m" select="."/>
            <tr>
              <td align="left"><xsl:value-of select="@name"/></td>
              <xsl:for-each select="$areas">
                <xsl:variable name="a" select="$m/area[@ref = current()/@id]"/>
                <xsl:choose>
                  <xsl:when test="$a">
                    <xsl:for-each select="$a"><xsl:call-template name="status-cell"/></xsl:for-each>
                  </xsl:when>
                  <xsl:otherwise><td fill="{$fill-none}">－</td></xsl:otherwise>
                </xsl:choose>
              </xsl:for-each>
              <xsl:if test="not($areas)">
                <td><xsl:value-of select="@expected"/></td>
                <td><xsl:value-of select="@received"/></td>
                <td><xsl:value-of select="@missing"/></td>
              </xsl:if>
              <xsl:call-template name="status-cell"/>
            </tr>
          </xsl:for-each>
        </table>
        <!-- legend: colour swatches, then how to read a cell -->
        <rect x="10mm" y="171mm" w="7mm" h="4.5mm" fill="{$fill-complete}" border="#7f7f7f"/>
        <textbox x="19mm" y="169.5mm" w="36mm" h="7.5mm" style="legend">全て提出</textbox>
        <rect x="57mm" y="171mm" w="7mm" h="4.5mm" fill="{$fill-missing}" border="#7f7f7f"/>
        <textbox x="66mm" y="169.5mm" w="36mm" h="7.5mm" style="legend">未提出あり</textbox>
        <rect x="104mm" y="171mm" w="7mm" h="4.5mm" fill="{$fill-none}" border="#7f7f7f"/>
        <textbox x="113mm" y="169.5mm" w="36mm" h="7.5mm" style="legend">対象なし</textbox>
        <textbox x="151mm" y="169.5mm" w="177.67mm" h="7.5mm" style="legend">セルの数字：提出件数／対象施策数</textbox>
      </slide>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="status-cell">
    <td>
      <xsl:attribute name="fill">
        <xsl:choose>
          <xsl:when test="@expected = 0"><xsl:value-of select="$fill-none"/></xsl:when>
          <xsl:when test="@missing &gt; 0"><xsl:value-of select="$fill-missing"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$fill-complete"/></xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:choose>
        <xsl:when test="@expected = 0">－</xsl:when>
        <xsl:otherwise><xsl:value-of select="concat(@received, '／', @expected)"/></xsl:otherwise>
      </xsl:choose>
    </td>
  </xsl:template>

</xsl:stylesheet>
