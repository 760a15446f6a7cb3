<?xml version="1.0" encoding="UTF-8"?>
<!--
  html-shared.xsl: the templates of the HTML edition (issue 17) that the
  per-file steps share (included by html-index.xsl, html-body.xsl and
  html-head.xsl; not run alone).  The edition is built per pdoc file, so
  no process holds the whole report (issue 13); pipeline/year.mk:

    html-index.xsl  F.pdoc (+ the index of the file before F)
                    → html/F.idx.xml: F's count of footnotes, the count
                    of the notes before F, its 目次 entries (level, id,
                    plain text)
    html-body.xsl   F.pdoc (+ F's index) → html/F.html: what F's flows
                    say, as HTML
    html-head.xsl   front.pdoc (+ every index file) → html/head.html:
                    doctype, <head>, draft mark, cover, the 目次 <nav>
    make            head + F.html in reading order + closing tags
                    → annual-report-Y.html

  One self-contained file: inline CSS (screen, phone and A4 print), charts
  as inline SVG (role="img", <title> = the alternative text of the PDF,
  from chart-alt in common.xsl), no script.  lang="ja"; the cover title is
  the one h1; a pdoc heading of level L becomes h(N+1) where N is the HTML
  level of the nearest heading before it (in its file) of a level below
  L, or h2 when there is none, so no level is skipped; the 目次 is a <nav>
  of links to the headings (toc="1", level ≤ the toc's levels); head rows
  are <thead> with <th scope="col">; a footnote's mark links to the note
  and the note's number back to the mark (the note follows the block that
  cites it); a draft (document draft="1") says 案 at the top of the
  screen and of every printed page.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:str="http://exslt.org/strings"
                xmlns:exsl="http://exslt.org/common"
                xmlns:xf="urn:x-annual-report:xform"
                xmlns:svg="http://www.w3.org/2000/svg"
                extension-element-prefixes="str exsl xf"
                exclude-result-prefixes="svg">

  <xsl:include href="common.xsl"/>

  <!-- footnote numbers run through the document as render prints them:
       in the order the notes are first cited, a note cited again in the
       same file keeping its number.  $idx: this file's index (an
       absolute path), whose base counts the notes of the files before
       it; they come first -->
  <xsl:param name="idx" select="''"/>
  <xsl:variable name="fn-base" select="sum(document($idx)[$idx != '']/idx/@base)"/>
  <xsl:template name="fn-num">
    <xsl:variable name="n" select="@n"/>
    <xsl:variable name="first" select="(//fn[@n = $n])[1]"/>
    <xsl:value-of select="$fn-base
                          + count($first/preceding::fn[not(@n = preceding::fn/@n)]) + 1"/>
  </xsl:template>

  <!-- a picture (the logo), inside the page: a PNG or JPEG as an <img> of
       a data: URI (xform's xf:data-uri), an SVG inline, titled with its
       alternative text; a picture without alt is decoration (as in the PDF) -->
  <xsl:template match="image">
    <xsl:variable name="uri" select="xf:data-uri(string(@src))"/>
    <xsl:variable name="id" select="concat('img-', count(preceding::image) + 1)"/>
    <xsl:choose>
      <xsl:when test="$uri != ''">
        <div class="logo"><img src="{$uri}" alt="{@alt}"/></div>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="svg" select="document(string(@src))/svg:svg"/>
        <xsl:if test="$svg">
          <div class="logo">
            <svg xmlns="http://www.w3.org/2000/svg">
              <xsl:copy-of select="$svg/@viewBox|$svg/@preserveAspectRatio"/>
              <xsl:if test="not($svg/@viewBox) and $svg/@width and $svg/@height">
                <xsl:attribute name="viewBox">
                  <xsl:value-of select="concat('0 0 ', number(translate($svg/@width, 'px', '')), ' ', number(translate($svg/@height, 'px', '')))"/>
                </xsl:attribute>
              </xsl:if>
              <xsl:choose>
                <xsl:when test="@alt != ''">
                  <xsl:attribute name="role">img</xsl:attribute>
                  <xsl:attribute name="aria-labelledby"><xsl:value-of select="$id"/></xsl:attribute>
                  <title id="{$id}"><xsl:value-of select="@alt"/></title>
                </xsl:when>
                <xsl:otherwise>
                  <xsl:attribute name="aria-hidden">true</xsl:attribute>
                </xsl:otherwise>
              </xsl:choose>
              <xsl:apply-templates select="$svg/node()" mode="svg-copy"/>
            </svg>
          </div>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- the SVG's own drawing, without anything that runs or loads: no
       script, foreignObject, event handler or link outside the page -->
  <xsl:template match="svg:script|svg:foreignObject|svg:title|svg:desc|comment()|processing-instruction()" mode="svg-copy"/>
  <xsl:template match="*" mode="svg-copy">
    <xsl:if test="namespace-uri() = 'http://www.w3.org/2000/svg'">
      <xsl:element name="{local-name()}" namespace="http://www.w3.org/2000/svg">
        <xsl:for-each select="@*[namespace-uri() = '' and not(starts-with(local-name(), 'on'))]">
          <xsl:if test="not(contains(., 'url(') and not(contains(., 'url(#')))">
            <xsl:copy-of select="."/>
          </xsl:if>
        </xsl:for-each>
        <xsl:apply-templates mode="svg-copy"/>
      </xsl:element>
    </xsl:if>
  </xsl:template>
  <xsl:template match="text()" mode="svg-copy">
    <xsl:copy-of select="."/>
  </xsl:template>

  <!-- blocks ($i: the file's place in the report's files, for ids) -->
  <xsl:template match="toc|pagebreak|space|meta|style|template"/>

  <xsl:template match="anchor">
    <span id="{@id}"></span>
  </xsl:template>

  <xsl:template match="rule">
    <hr/>
  </xsl:template>

  <xsl:template match="h">
    <xsl:param name="i"/>
    <xsl:variable name="n">
      <xsl:call-template name="hlevel"/>
    </xsl:variable>
    <xsl:if test="preceding-sibling::*[1][self::pagebreak]">
      <hr class="page" aria-hidden="true"/>
    </xsl:if>
    <xsl:element name="h{$n}">
      <xsl:if test="@id"><xsl:attribute name="id"><xsl:value-of select="@id"/></xsl:attribute></xsl:if>
      <xsl:attribute name="class">l<xsl:value-of select="@level"/></xsl:attribute>
      <xsl:call-template name="lang"/>
      <xsl:apply-templates mode="inline"><xsl:with-param name="i" select="$i"/></xsl:apply-templates>
    </xsl:element>
    <xsl:call-template name="notes"><xsl:with-param name="i" select="$i"/></xsl:call-template>
  </xsl:template>

  <!-- the HTML level of a heading: one below the nearest heading before it
       of a lower pdoc level (h2 for a chapter), at most h6 -->
  <xsl:template name="hlevel">
    <xsl:param name="h" select="."/>
    <xsl:variable name="up" select="$h/preceding::h[@level &lt; $h/@level][1]"/>
    <xsl:choose>
      <xsl:when test="$up">
        <xsl:variable name="u">
          <xsl:call-template name="hlevel"><xsl:with-param name="h" select="$up"/></xsl:call-template>
        </xsl:variable>
        <xsl:choose>
          <xsl:when test="$u &gt;= 6">6</xsl:when>
          <xsl:otherwise><xsl:value-of select="$u + 1"/></xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:otherwise>2</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- lang="en" on an element whose text is a passage in Latin script
       only (xf:lang, the rule of the PDF's /Lang: two words or more in
       lower case, eight letters or more); Japanese text keeps the page's -->
  <xsl:template name="lang">
    <xsl:variable name="t"><xsl:apply-templates mode="plain"/></xsl:variable>
    <xsl:variable name="l" select="xf:lang(string($t))"/>
    <xsl:if test="$l != ''"><xsl:attribute name="lang"><xsl:value-of select="$l"/></xsl:attribute></xsl:if>
  </xsl:template>

  <!-- a caption paragraph goes into the table it introduces -->
  <xsl:template match="p[@style = 'caption'][following-sibling::*[1][self::table]]"/>

  <xsl:template match="p">
    <xsl:param name="i"/>
    <p>
      <xsl:if test="@style"><xsl:attribute name="class"><xsl:value-of select="@style"/></xsl:attribute></xsl:if>
      <xsl:call-template name="lang"/>
      <xsl:apply-templates mode="inline"><xsl:with-param name="i" select="$i"/></xsl:apply-templates>
    </p>
    <xsl:call-template name="notes"><xsl:with-param name="i" select="$i"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="list">
    <xsl:param name="i"/>
    <ul class="{@style}">
      <xsl:for-each select="li">
        <li>
          <xsl:call-template name="lang"/>
          <span class="lbl" aria-hidden="true">
            <xsl:choose>
              <xsl:when test="@label"><xsl:value-of select="@label"/></xsl:when>
              <xsl:otherwise>・</xsl:otherwise>
            </xsl:choose>
          </span>
          <xsl:text> </xsl:text>
          <xsl:call-template name="content"><xsl:with-param name="i" select="$i"/></xsl:call-template>
        </li>
      </xsl:for-each>
    </ul>
    <xsl:call-template name="notes"><xsl:with-param name="i" select="$i"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="box">
    <xsl:param name="i"/>
    <div class="box">
      <xsl:apply-templates select="*"><xsl:with-param name="i" select="$i"/></xsl:apply-templates>
    </div>
  </xsl:template>

  <!-- a cell or item holds inline content or blocks -->
  <xsl:template name="content">
    <xsl:param name="i"/>
    <xsl:choose>
      <xsl:when test="p|list|table|chart|h|box">
        <xsl:apply-templates select="*"><xsl:with-param name="i" select="$i"/></xsl:apply-templates>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates mode="inline"><xsl:with-param name="i" select="$i"/></xsl:apply-templates>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="table">
    <xsl:param name="i"/>
    <xsl:variable name="cap" select="preceding-sibling::*[1][self::p[@style = 'caption']]"/>
    <table>
      <xsl:if test="not($cap) and @alt != ''">
        <xsl:attribute name="aria-label"><xsl:value-of select="@alt"/></xsl:attribute>
      </xsl:if>
      <xsl:if test="$cap">
        <caption><xsl:apply-templates select="$cap/node()" mode="inline"><xsl:with-param name="i" select="$i"/></xsl:apply-templates></caption>
      </xsl:if>
      <xsl:if test="normalize-space(@widths) != ''">
        <xsl:variable name="w" select="str:tokenize(normalize-space(@widths), ' ')"/>
        <xsl:variable name="sum" select="sum($w)"/>
        <colgroup>
          <xsl:for-each select="$w">
            <col style="width:{format-number(. div $sum * 100, '0.#')}%"/>
          </xsl:for-each>
        </colgroup>
      </xsl:if>
      <xsl:if test="tr[@head = '1']">
        <thead>
          <xsl:for-each select="tr[@head = '1']">
            <tr>
              <xsl:for-each select="td">
                <th>
                  <xsl:attribute name="scope">
                    <xsl:choose>
                      <xsl:when test="@colspan &gt; 1">colgroup</xsl:when>
                      <xsl:otherwise>col</xsl:otherwise>
                    </xsl:choose>
                  </xsl:attribute>
                  <xsl:call-template name="cell-attrs"/>
                  <xsl:call-template name="content"><xsl:with-param name="i" select="$i"/></xsl:call-template>
                </th>
              </xsl:for-each>
            </tr>
          </xsl:for-each>
        </thead>
      </xsl:if>
      <tbody>
        <xsl:for-each select="tr[not(@head = '1')]">
          <tr>
            <xsl:for-each select="td">
              <td>
                <xsl:call-template name="cell-attrs"/>
                <xsl:call-template name="content"><xsl:with-param name="i" select="$i"/></xsl:call-template>
              </td>
            </xsl:for-each>
          </tr>
        </xsl:for-each>
      </tbody>
    </table>
    <xsl:call-template name="notes"><xsl:with-param name="i" select="$i"/></xsl:call-template>
  </xsl:template>

  <xsl:template name="cell-attrs">
    <xsl:if test="@colspan &gt; 1"><xsl:attribute name="colspan"><xsl:value-of select="@colspan"/></xsl:attribute></xsl:if>
    <xsl:if test="@align"><xsl:attribute name="class"><xsl:value-of select="@align"/></xsl:attribute></xsl:if>
    <xsl:if test="@fill"><xsl:attribute name="style">background:<xsl:value-of select="@fill"/></xsl:attribute></xsl:if>
    <xsl:call-template name="lang"/>
  </xsl:template>

  <!-- footnotes: the notes a block cites, after it; a number cited again in
       the same file links to the note already printed -->
  <xsl:template name="notes">
    <xsl:param name="i"/>
    <xsl:variable name="own" select=".//fn[not(@n = preceding::fn/@n)]"/>
    <xsl:if test="$own and (parent::flow or parent::box)">
      <div class="notes">
        <xsl:for-each select="$own">
          <xsl:variable name="num">
            <xsl:call-template name="fn-num"/>
          </xsl:variable>
          <p class="fn" id="fn-{$i}-{@n}">
            <xsl:call-template name="lang"/>
            <a class="back" href="#fnref-{$i}-{@n}" aria-label="注{$num}（本文へ戻る）"><xsl:value-of select="$num"/></a>
            <xsl:text> </xsl:text>
            <xsl:apply-templates mode="inline"><xsl:with-param name="i" select="$i"/></xsl:apply-templates>
          </p>
        </xsl:for-each>
      </div>
    </xsl:if>
  </xsl:template>

  <!-- charts: inline SVG; title and source in the figure's caption -->
  <xsl:template match="chart">
    <xsl:param name="i"/>
    <xsl:variable name="alt"><xsl:call-template name="chart-alt"/></xsl:variable>
    <!-- (generate-id() would differ from run to run: the same bytes every time) -->
    <xsl:variable name="id" select="concat('chart-', $i, '-', count(preceding::chart) + 1)"/>
    <figure class="chart">
      <xsl:call-template name="svg">
        <xsl:with-param name="id" select="$id"/>
        <xsl:with-param name="alt" select="string($alt)"/>
      </xsl:call-template>
      <figcaption>
        <xsl:if test="@title != ''"><span class="title"><xsl:value-of select="@title"/></span></xsl:if>
        <xsl:if test="@unit != ''"><span class="unit">（<xsl:value-of select="@unit"/>）</span></xsl:if>
        <xsl:if test="@source != ''"><span class="source">出典：<xsl:value-of select="@source"/></span></xsl:if>
      </figcaption>
    </figure>
  </xsl:template>

  <xsl:variable name="palette" select="'#1f4e79 #c55a11 #548235 #7f6000 #7030a0'"/>

  <xsl:template name="svg">
    <xsl:param name="id"/>
    <xsl:param name="alt"/>
    <xsl:variable name="cats" select="series[1]/pt"/>
    <xsl:variable name="ns" select="count(series)"/>
    <xsl:variable name="nc" select="count($cats)"/>
    <xsl:variable name="max">
      <xsl:for-each select="series/pt">
        <xsl:sort select="@y" data-type="number" order="descending"/>
        <xsl:if test="position() = 1"><xsl:value-of select="@y"/></xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="top">
      <xsl:choose>
        <xsl:when test="$max &gt; 0"><xsl:value-of select="$max * 1.15"/></xsl:when>
        <xsl:otherwise>1</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="legend" select="boolean(series/@name[. != ''])"/>
    <xsl:choose>
      <!-- many categories: a row each, the bars lying down -->
      <xsl:when test="$nc &gt; 8">
        <xsl:variable name="row" select="10 + 12 * $ns"/>
        <xsl:variable name="h" select="$nc * $row + 20 + 24 * $legend"/>
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 {$h}" role="img" aria-labelledby="{$id}" class="chart">
          <title id="{$id}"><xsl:value-of select="$alt"/></title>
          <xsl:for-each select="$cats">
            <xsl:variable name="c" select="position()"/>
            <xsl:variable name="y0" select="($c - 1) * $row + 24 * $legend"/>
            <text x="150" y="{$y0 + $row div 2 + 4}" text-anchor="end" class="lab"><xsl:value-of select="@x"/></text>
            <xsl:for-each select="../../series">
              <xsl:variable name="s" select="position()"/>
              <xsl:variable name="v" select="pt[$c]/@y"/>
              <xsl:variable name="w" select="$v div $top * 420"/>
              <rect x="158" y="{$y0 + 5 + ($s - 1) * 12}" width="{format-number($w, '0.##')}" height="10"
                    fill="{str:tokenize($palette, ' ')[$s]}"/>
              <text x="{format-number(162 + $w, '0.##')}" y="{$y0 + 14 + ($s - 1) * 12}" class="val"><xsl:choose><xsl:when test="$v/../@label"><xsl:value-of select="$v/../@label"/></xsl:when><xsl:otherwise><xsl:value-of select="format-number($v, '#,##0.###')"/></xsl:otherwise></xsl:choose></text>
            </xsl:for-each>
          </xsl:for-each>
          <line x1="158" x2="158" y1="{24 * $legend}" y2="{$h - 20}" class="axis"/>
          <xsl:call-template name="legend"/>
        </svg>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="base" select="230 + 24 * $legend"/>
        <xsl:variable name="gw" select="560 div $nc"/>
        <xsl:variable name="bw" select="$gw * 0.6 div $ns"/>
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 {$base + 30}" role="img" aria-labelledby="{$id}" class="chart">
          <title id="{$id}"><xsl:value-of select="$alt"/></title>
          <xsl:for-each select="$cats">
            <xsl:variable name="c" select="position()"/>
            <xsl:variable name="x0" select="60 + ($c - 1) * $gw + $gw * 0.2"/>
            <xsl:for-each select="../../series">
              <xsl:variable name="s" select="position()"/>
              <xsl:variable name="v" select="pt[$c]/@y"/>
              <xsl:variable name="bh" select="$v div $top * 190"/>
              <rect x="{format-number($x0 + ($s - 1) * $bw, '0.##')}" y="{format-number($base - $bh, '0.##')}"
                    width="{format-number($bw, '0.##')}" height="{format-number($bh, '0.##')}"
                    fill="{str:tokenize($palette, ' ')[$s]}"/>
              <text x="{format-number($x0 + ($s - 0.5) * $bw, '0.##')}" y="{format-number($base - $bh - 6, '0.##')}"
                    text-anchor="middle" class="val"><xsl:choose><xsl:when test="$v/../@label"><xsl:value-of select="$v/../@label"/></xsl:when><xsl:otherwise><xsl:value-of select="format-number($v, '#,##0.###')"/></xsl:otherwise></xsl:choose></text>
            </xsl:for-each>
            <text x="{format-number(60 + ($c - 0.5) * $gw, '0.##')}" y="{$base + 20}" text-anchor="middle" class="lab">
              <xsl:value-of select="@x"/>
              <xsl:if test="string-length(@x) = 4 and translate(@x, '0123456789', '') = ''">年度</xsl:if>
            </text>
          </xsl:for-each>
          <line x1="50" x2="630" y1="{$base}" y2="{$base}" class="axis"/>
          <xsl:call-template name="legend"/>
        </svg>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="legend">
    <xsl:if test="series/@name[. != '']">
      <xsl:for-each select="series">
        <xsl:variable name="s" select="position()"/>
        <rect x="{60 + ($s - 1) * 120}" y="4" width="12" height="12" fill="{str:tokenize($palette, ' ')[$s]}"/>
        <text x="{78 + (position() - 1) * 120}" y="15" class="lab"><xsl:value-of select="@name"/></text>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <!-- inline -->
  <xsl:template match="b" mode="inline">
    <xsl:param name="i"/>
    <b><xsl:apply-templates mode="inline"><xsl:with-param name="i" select="$i"/></xsl:apply-templates></b>
  </xsl:template>
  <xsl:template match="a" mode="inline">
    <xsl:param name="i"/>
    <a href="{@href}"><xsl:apply-templates mode="inline"><xsl:with-param name="i" select="$i"/></xsl:apply-templates></a>
  </xsl:template>
  <xsl:template match="br" mode="inline"><br/></xsl:template>
  <xsl:template match="anchor" mode="inline"><span id="{@id}"></span></xsl:template>
  <xsl:template match="span" mode="inline">
    <xsl:param name="i"/>
    <span>
      <xsl:if test="@style"><xsl:attribute name="class"><xsl:value-of select="@style"/></xsl:attribute></xsl:if>
      <xsl:if test="@color"><xsl:attribute name="style">color:<xsl:value-of select="@color"/></xsl:attribute></xsl:if>
      <xsl:apply-templates mode="inline"><xsl:with-param name="i" select="$i"/></xsl:apply-templates>
    </span>
  </xsl:template>
  <xsl:template match="fn" mode="inline">
    <xsl:param name="i"/>
    <xsl:variable name="again" select="@n = preceding::fn/@n"/>
    <xsl:variable name="num">
      <xsl:call-template name="fn-num"/>
    </xsl:variable>
    <sup class="fnref">
      <a href="#fn-{$i}-{@n}" aria-label="注{$num}">
        <xsl:if test="not($again)"><xsl:attribute name="id">fnref-<xsl:value-of select="$i"/>-<xsl:value-of select="@n"/></xsl:attribute></xsl:if>
        <xsl:value-of select="$num"/>
      </a>
    </sup>
  </xsl:template>

  <!-- plain text (目次 entries): no footnote marks -->
  <xsl:template match="fn" mode="plain"/>
  <xsl:template match="br" mode="plain"><xsl:text> </xsl:text></xsl:template>
</xsl:stylesheet>
