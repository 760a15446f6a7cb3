<?xml version="1.0" encoding="UTF-8"?>
<!--
  common.xsl: named templates shared by status.xsl, report.xsl and
  slides.xsl (included with xsl:include).  No templates that match.

  era-year        year → 平成26 (the era name and year, without 年度)
  fy-label        year → 2014年度
  date-ja         2015-02-10 → 平成27年2月10日
  ministry-name   code → 総務省 (looks up /model/registry)
  csv-field       text → one RFC 4180 field (quoted when needed; a formula
                  start = + - @ tab CR neutralised with ', issue 12)
  replace         text, from, to → every occurrence replaced
  chart-alt       a pdoc <chart> → its alternative text from its data
  indicator-chart an indicator of the model → a pdoc chart's @source and
                  <series> (report.xsl and slides.xsl draw the same data)
  chart-with-alt  a pdoc <chart> (a result tree fragment) → the same with
                  @alt made whole by chart-alt (render and html-shared.xsl take it)
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:exsl="http://exslt.org/common" exclude-result-prefixes="exsl">

  <!-- 平成 N = 1988 + N; 令和 N = 2018 + N (令和元 = 2019); seeds/README.md. -->
  <xsl:template name="era-year">
    <xsl:param name="year"/>
    <xsl:variable name="y" select="number($year)"/>
    <xsl:choose>
      <xsl:when test="$y = 2019">令和元</xsl:when>
      <xsl:when test="$y &gt;= 2019">令和<xsl:value-of select="$y - 2018"/></xsl:when>
      <xsl:when test="$y = 1989">平成元</xsl:when>
      <xsl:when test="$y &gt; 1989">平成<xsl:value-of select="$y - 1988"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$year"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="fy-label">
    <xsl:param name="year"/>
    <xsl:value-of select="$year"/>
    <xsl:text>年度</xsl:text>
  </xsl:template>

  <!-- An ISO date as printed in the plans: 平成27年2月10日.  The era of a
       calendar date: 平成 until 2019-04-30, 令和 from 2019-05-01. -->
  <xsl:template name="date-ja">
    <xsl:param name="date"/>
    <xsl:variable name="y" select="number(substring($date, 1, 4))"/>
    <xsl:variable name="m" select="number(substring($date, 6, 2))"/>
    <xsl:variable name="d" select="number(substring($date, 9, 2))"/>
    <xsl:choose>
      <xsl:when test="string($y) = 'NaN' or string($m) = 'NaN' or string($d) = 'NaN'">
        <xsl:value-of select="$date"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:choose>
          <xsl:when test="$y &gt; 2019 or ($y = 2019 and $m &gt;= 5)">
            <xsl:text>令和</xsl:text>
            <xsl:choose>
              <xsl:when test="$y = 2019">元</xsl:when>
              <xsl:otherwise><xsl:value-of select="$y - 2018"/></xsl:otherwise>
            </xsl:choose>
          </xsl:when>
          <xsl:when test="$y = 1989">平成元</xsl:when>
          <xsl:otherwise>平成<xsl:value-of select="$y - 1988"/></xsl:otherwise>
        </xsl:choose>
        <xsl:value-of select="concat('年', $m, '月', $d, '日')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="ministry-name">
    <xsl:param name="code"/>
    <xsl:variable name="m" select="/model/registry/ministry[@code = $code]"/>
    <xsl:choose>
      <xsl:when test="$m"><xsl:value-of select="$m/@name"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$code"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="replace">
    <xsl:param name="text"/>
    <xsl:param name="from"/>
    <xsl:param name="to"/>
    <xsl:choose>
      <xsl:when test="$from != '' and contains($text, $from)">
        <xsl:value-of select="substring-before($text, $from)"/>
        <xsl:value-of select="$to"/>
        <xsl:call-template name="replace">
          <xsl:with-param name="text" select="substring-after($text, $from)"/>
          <xsl:with-param name="from" select="$from"/>
          <xsl:with-param name="to" select="$to"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- RFC 4180: a field with a comma, quote, CR or LF is quoted, quotes doubled.
       OWASP CSV injection (issue 12): a field beginning with = + - @ tab or
       CR gets a single quote in front, so that a spreadsheet shows it as
       text and never runs it as a formula, unless it is a number (-3, +5,
       -1.25: digits with at most one point, after one sign). -->
  <xsl:template name="csv-field">
    <xsl:param name="text"/>
    <xsl:variable name="c" select="substring($text, 1, 1)"/>
    <xsl:variable name="rest" select="substring($text, 2)"/>
    <xsl:variable name="safe">
      <xsl:if test="($c = '=' or $c = '+' or $c = '-' or $c = '@' or $c = '&#9;' or $c = '&#13;')
                    and not(($c = '+' or $c = '-') and $rest != ''
                            and translate($rest, '0123456789.', '') = ''
                            and string(number($rest)) != 'NaN')">'</xsl:if>
      <xsl:value-of select="$text"/>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="contains($safe, ',') or contains($safe, '&quot;')
                      or contains($safe, '&#10;') or contains($safe, '&#13;')">
        <xsl:text>"</xsl:text>
        <xsl:call-template name="replace">
          <xsl:with-param name="text" select="string($safe)"/>
          <xsl:with-param name="from" select="'&quot;'"/>
          <xsl:with-param name="to" select="'&quot;&quot;'"/>
        </xsl:call-template>
        <xsl:text>"</xsl:text>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$safe"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:key name="file" match="/model/input/file" use="@name"/>
  <!-- the input document's root: its files, for a row read from another
       document too (report-back.xsl's rows from sum/ID.xml) -->
  <xsl:variable name="input-root" select="/"/>

  <!-- src="PATH:LINE" on a <p>/<li>/<td> made from a submission row or
       diagnostic ($row has @file and @line): render names that CSV line
       for a character no pinned font has (docs/design.md, pdoc). -->
  <xsl:template name="src">
    <xsl:param name="row"/>
    <xsl:if test="$row/@file != '' and $row/@line &gt; 0">
      <xsl:attribute name="src">
        <xsl:for-each select="$input-root">
          <xsl:variable name="path" select="key('file', $row/@file)/@path"/>
          <xsl:choose>
            <xsl:when test="$path"><xsl:value-of select="concat($path[1], ':', $row/@line)"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="concat($row/@file, ':', $row/@line)"/></xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
      </xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- grouped: a decimal as written (ingest's canonical string: an optional
       '-', digits, optionally '.' and digits) with its integer part grouped
       by thousands for reading (20019 → 20,019; 12345.6789 → 12,345.6789);
       the digits themselves are never changed (issue 12).  Anything else is
       printed as it is. -->
  <xsl:template name="grouped">
    <xsl:param name="v"/>
    <xsl:variable name="neg" select="starts-with($v, '-')"/>
    <xsl:variable name="abs" select="substring($v, 1 + number($neg))"/>
    <xsl:variable name="int">
      <xsl:choose>
        <xsl:when test="contains($abs, '.')"><xsl:value-of select="substring-before($abs, '.')"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$abs"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$int != '' and translate($int, '0123456789', '') = ''
                      and translate(substring-after($abs, '.'), '0123456789', '') = ''">
        <xsl:if test="$neg">-</xsl:if>
        <xsl:call-template name="group-digits"><xsl:with-param name="d" select="$int"/></xsl:call-template>
        <xsl:if test="contains($abs, '.')">.<xsl:value-of select="substring-after($abs, '.')"/></xsl:if>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$v"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template name="group-digits">
    <xsl:param name="d"/>
    <xsl:choose>
      <xsl:when test="string-length($d) &gt; 3">
        <xsl:call-template name="group-digits">
          <xsl:with-param name="d" select="substring($d, 1, string-length($d) - 3)"/>
        </xsl:call-template>
        <xsl:value-of select="concat(',', substring($d, string-length($d) - 2))"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$d"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- chart-alt (issue 17): a chart's alternative text, from its data, for
       the PDF's Figure /Alt and the HTML edition's SVG <title> alike:
       図：TITLEの推移。2012年度 1,200人、2013年度 1,550人。  With more than
       one series, each series is named: 提出：内閣官房 10件、…。未提出：…。
       An @alt that already opens with 図： (made by this template when the
       page description was written) is kept as it is. -->
  <xsl:template name="chart-alt">
    <xsl:param name="chart" select="."/>
    <xsl:choose>
      <xsl:when test="starts-with($chart/@alt, '図：')"><xsl:value-of select="$chart/@alt"/></xsl:when>
      <xsl:otherwise>
        <xsl:text>図：</xsl:text>
        <xsl:choose>
          <xsl:when test="$chart/@alt != ''"><xsl:value-of select="$chart/@alt"/></xsl:when>
          <xsl:when test="$chart/@title != ''"><xsl:value-of select="$chart/@title"/></xsl:when>
          <xsl:otherwise>グラフ</xsl:otherwise>
        </xsl:choose>
        <xsl:text>。</xsl:text>
        <!-- per series [name：]points。; integers grouped, decimals as written -->
        <xsl:for-each select="$chart/series[pt[@x and @y]]">
          <xsl:if test="count($chart/series) &gt; 1 and @name">
            <xsl:value-of select="@name"/><xsl:text>：</xsl:text>
          </xsl:if>
          <xsl:for-each select="pt[@x and @y]">
            <xsl:if test="position() &gt; 1">、</xsl:if>
            <xsl:value-of select="@x"/>
            <xsl:if test="string-length(@x) = 4 and translate(@x, '0123456789', '') = ''">年度</xsl:if>
            <xsl:text> </xsl:text>
            <xsl:choose>
              <xsl:when test="@label"><xsl:value-of select="@label"/></xsl:when>
              <xsl:when test="contains(@y, '.') or string(number(@y)) = 'NaN'"><xsl:value-of select="@y"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="format-number(@y, '#,##0')"/></xsl:otherwise>
            </xsl:choose>
            <xsl:value-of select="$chart/@unit"/>
          </xsl:for-each>
          <xsl:text>。</xsl:text>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- indicator-chart: inside a pdoc <chart>, an indicator's source and
       one series a series of the model that has values (each labelled
       with its value grouped). -->
  <xsl:template name="indicator-chart">
    <xsl:attribute name="source">
      <xsl:choose>
        <xsl:when test="normalize-space(source) != ''"><xsl:value-of select="normalize-space(source)"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="series[@source != ''][1]/@source"/></xsl:otherwise>
      </xsl:choose>
    </xsl:attribute>
    <xsl:for-each select="series[value]">
      <series name="{@name}">
        <xsl:for-each select="value">
          <pt x="{@year}" y="{@value}">
            <xsl:attribute name="label">
              <xsl:call-template name="grouped"><xsl:with-param name="v" select="@value"/></xsl:call-template>
            </xsl:attribute>
          </pt>
        </xsl:for-each>
      </series>
    </xsl:for-each>
  </xsl:template>

  <!-- chart-with-alt: the one place a chart's alternative text is made;
       the page descriptions carry it whole, render puts it on the PDF's
       Figure as it is. -->
  <xsl:template name="chart-with-alt">
    <xsl:param name="chart"/>
    <xsl:for-each select="exsl:node-set($chart)/chart">
      <xsl:copy>
        <xsl:copy-of select="@*"/>
        <xsl:attribute name="alt"><xsl:call-template name="chart-alt"/></xsl:attribute>
        <xsl:copy-of select="node()"/>
      </xsl:copy>
    </xsl:for-each>
  </xsl:template>

</xsl:stylesheet>
