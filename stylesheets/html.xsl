<?xml version="1.0" encoding="UTF-8"?>
<!--
  html.xsl: the HTML edition of the annual report (issue 17), from the same
  page description the renderer reads, so that it carries the same text as
  the PDF:

    xform - -param files "front.pdoc area-1.pdoc … back.pdoc" \
          -o annual-report-Y.html stylesheets/html.xsl front.pdoc

  $files: the report's pdoc files in reading order (absolute paths,
  separated by spaces), as render takes them.  The input document is only
  the first of them (xform takes one input).

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

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:param name="files" select="''"/>

  <xsl:variable name="docs-rtf">
    <xsl:for-each select="str:tokenize($files, ' ')">
      <f><xsl:value-of select="."/></f>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="paths" select="exsl:node-set($docs-rtf)/f"/>
  <xsl:variable name="first" select="document(string($paths[1]))/document"/>
  <xsl:variable name="draft" select="$first/@draft = '1'"/>

  <!-- footnote numbers run through the document as render prints them:
       in the order the notes are first cited, a note cited again in the
       same file keeping its number; $fn-base: how many notes each file has -->
  <xsl:variable name="fn-base-rtf">
    <xsl:for-each select="$paths">
      <b n="{count(document(string(.))//fn[not(@n = preceding::fn/@n)])}"/>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="fn-base" select="exsl:node-set($fn-base-rtf)/b"/>
  <xsl:template name="fn-num">
    <xsl:param name="i"/>
    <xsl:variable name="n" select="@n"/>
    <xsl:variable name="first" select="(//fn[@n = $n])[1]"/>
    <xsl:value-of select="sum($fn-base[position() &lt; $i]/@n)
                          + count($first/preceding::fn[not(@n = preceding::fn/@n)]) + 1"/>
  </xsl:template>

  <!-- every heading of the 目次, in reading order -->
  <xsl:variable name="toc-levels">
    <xsl:choose>
      <xsl:when test="$first//toc/@levels"><xsl:value-of select="$first//toc/@levels"/></xsl:when>
      <xsl:otherwise>2</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="toc-rtf">
    <xsl:for-each select="$paths">
      <xsl:for-each select="document(string(.))//h[@toc = '1' and @level &lt;= $toc-levels and @id]">
        <e level="{@level}" id="{@id}"><xsl:apply-templates mode="plain"/></e>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="toc" select="exsl:node-set($toc-rtf)/e"/>

  <xsl:template match="/">
    <xsl:text disable-output-escaping="yes">&lt;!DOCTYPE html&gt;&#10;</xsl:text>
    <html lang="ja">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>
          <xsl:value-of select="$first/meta/@title"/>
          <xsl:if test="$draft">（案）</xsl:if>
        </title>
        <xsl:if test="$first/meta/@author != ''">
          <meta name="author" content="{$first/meta/@author}"/>
        </xsl:if>
        <xsl:if test="$first/meta/@subject != ''">
          <meta name="description" content="{$first/meta/@subject}"/>
        </xsl:if>
        <xsl:if test="$first/meta/@keywords != ''">
          <meta name="keywords" content="{$first/meta/@keywords}"/>
        </xsl:if>
        <style><xsl:value-of select="$css"/></style>
      </head>
      <body>
        <xsl:if test="$draft">
          <p class="draft-mark"><span class="stamp">案</span> DRAFT</p>
        </xsl:if>
        <header class="cover">
          <xsl:for-each select="$first/flow[@template = 'cover']/*">
            <xsl:apply-templates select="." mode="cover"/>
          </xsl:for-each>
        </header>
        <xsl:apply-templates select="$first//toc[1]" mode="nav"/>
        <main>
          <xsl:for-each select="$paths">
            <xsl:variable name="i" select="position()"/>
            <xsl:for-each select="document(string(.))/document/flow[not(@template = 'cover')]/*">
              <xsl:apply-templates select=".">
                <xsl:with-param name="i" select="$i"/>
              </xsl:apply-templates>
            </xsl:for-each>
          </xsl:for-each>
        </main>
      </body>
    </html>
  </xsl:template>

  <!-- the cover: its title is the page's one h1 -->
  <xsl:template match="p[@style = 'cover-title']" mode="cover">
    <h1><xsl:apply-templates mode="inline"/></h1>
  </xsl:template>
  <xsl:template match="p" mode="cover">
    <p class="{@style}"><xsl:apply-templates mode="inline"/></p>
  </xsl:template>
  <xsl:template match="image" mode="cover">
    <xsl:apply-templates select="."/>
  </xsl:template>
  <xsl:template match="*" mode="cover"/>

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

  <!-- 目次 -->
  <xsl:template match="toc" mode="nav">
    <nav aria-labelledby="toc-title" class="toc">
      <h2 id="toc-title">
        <xsl:choose>
          <xsl:when test="@title != ''"><xsl:value-of select="@title"/></xsl:when>
          <xsl:otherwise>目次</xsl:otherwise>
        </xsl:choose>
      </h2>
      <xsl:call-template name="toc-list">
        <xsl:with-param name="entries" select="$toc[@level = 1]"/>
      </xsl:call-template>
    </nav>
  </xsl:template>

  <xsl:template name="toc-list">
    <xsl:param name="entries"/>
    <ul>
      <xsl:for-each select="$entries">
        <xsl:variable name="lv" select="number(@level)"/>
        <xsl:variable name="next" select="following-sibling::e[@level &lt;= $lv][1]"/>
        <xsl:variable name="subs"
                      select="following-sibling::e[@level = $lv + 1]
                              [not($next) or count(preceding-sibling::e) &lt; count($next/preceding-sibling::e)]"/>
        <li>
          <a href="#{@id}"><xsl:value-of select="."/></a>
          <xsl:if test="$subs">
            <xsl:call-template name="toc-list">
              <xsl:with-param name="entries" select="$subs"/>
            </xsl:call-template>
          </xsl:if>
        </li>
      </xsl:for-each>
    </ul>
  </xsl:template>

  <!-- blocks ($i: the file's place in $files, for footnote ids) -->
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
            <xsl:call-template name="fn-num"><xsl:with-param name="i" select="$i"/></xsl:call-template>
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
      <xsl:call-template name="fn-num"><xsl:with-param name="i" select="$i"/></xsl:call-template>
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

  <xsl:variable name="css">
:root { color: #1a1a1a; background: #fff; scroll-padding-top: 3.5rem; }
body { margin: 0 auto; max-width: 46em; padding: 1.5rem 1.25rem 4rem;
  font-family: "BIZ UDMincho", "BIZ UD明朝", "Noto Serif CJK JP", serif;
  font-size: 1.05rem; line-height: 1.8; overflow-wrap: anywhere; }
h1, h2, h3, h4, h5, h6, nav, caption, figcaption, th, .subhead, .group-head, .missing, .cover, .draft-mark {
  font-family: "BIZ UDPGothic", "BIZ UDゴシック", "Noto Sans CJK JP", sans-serif; }
h1 { font-size: 1.8rem; line-height: 1.4; text-align: center; margin: 3rem 0 1rem; }
h2 { font-size: 1.45rem; line-height: 1.4; margin: 2.5rem 0 1rem; border-bottom: 2px solid #1f3864; }
h3 { font-size: 1.2rem; margin: 2rem 0 .75rem; }
h4, h5, h6 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; }
h2.l4, h3.l4, h4.l4, h5.l4 { font-size: 1.05rem; border: 0; }
.cover { text-align: center; margin-bottom: 3rem; }
.cover p { margin: .5rem 0; font-size: 1.2rem; }
.logo { margin: 2rem auto; text-align: center; }
.logo img, .logo svg { display: inline-block; width: 227px; max-width: 100%; height: auto; max-height: 151px; }
.cover .cover-date { font-family: inherit; margin-top: 2rem; }
p { margin: .4rem 0; }
p.body { text-indent: 1em; }
.subhead { font-weight: bold; color: #1f3864; margin: 1rem 0 .2rem; }
.group-head { font-weight: bold; margin: 1.2rem 0 .3rem; }
.missing { color: #c00000; }
.note, .fn { font-size: .9rem; }
nav.toc ul { list-style: none; padding-left: 0; }
nav.toc ul ul { padding-left: 1.5em; }
nav.toc li { margin: .2rem 0; }
a { color: #0b4f9c; }
a:focus { outline: 3px solid #c55a11; outline-offset: 2px; }
ul.item, ul.bullet, ul.relist { list-style: none; padding-left: 0; margin: .4rem 0; }
ul.item li, ul.bullet li { padding-left: 2em; text-indent: -2em; }
ul.item li &gt; p, ul.bullet li &gt; p { text-indent: 0; }
.lbl { display: inline-block; min-width: 1.6em; text-indent: 0; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .92rem; line-height: 1.6; }
caption { text-align: left; font-size: .95rem; padding: .3rem 0; }
th, td { border: 1px solid #595959; padding: .25rem .4rem; vertical-align: top; text-align: left; }
th { background: #e8ecf3; text-align: center; }
td.right { text-align: right; } td.center { text-align: center; }
td p, th p { margin: 0; text-indent: 0; }
sup.fnref { line-height: 0; font-size: .7em; }
sup.fnref a { padding: 0 .1em; }
.notes { border-top: 1px solid #595959; margin: .4rem 0 1rem; padding-top: .3rem; max-width: 60%; min-width: 16em; }
.notes .fn { margin: .1rem 0; }
figure.chart { margin: 1rem 0; }
svg.chart { width: 100%; height: auto; max-width: 640px; display: block; }
svg.chart text { font-family: "BIZ UDPGothic", "Noto Sans CJK JP", sans-serif; font-size: 13px; fill: #1a1a1a; }
svg.chart .axis { stroke: #595959; stroke-width: 1; }
figcaption span { display: inline-block; margin-right: 1em; font-size: .9rem; }
figcaption .title { font-weight: bold; }
hr { border: 0; border-top: 1px solid #999; margin: 2rem 0; }
.draft-mark { position: sticky; top: 0; z-index: 1; background: #fff; color: #c00000; font-weight: bold;
  text-align: right; margin: 0; padding: .25rem 0; }
.draft-mark .stamp { display: inline-block; border: 2px solid #c00000; padding: 0 .3em; font-size: 1.3rem; }
@media (max-width: 600px) {
  body { padding: 1rem .75rem 3rem; font-size: 1rem; }
  h1 { font-size: 1.4rem; } h2 { font-size: 1.25rem; }
  .notes { max-width: none; }
  table { font-size: .85rem; }
}
@page { size: A4; margin: 25mm 22mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; line-height: 1.75; }
  a { color: inherit; text-decoration: none; }
  .cover { break-after: page; padding-top: 35mm; }
  nav.toc { break-after: page; }
  hr.page { break-after: page; border: 0; margin: 0; }
  h1, h2, h3, h4, h5, h6, caption, .subhead, .group-head { break-after: avoid; }
  tr, figure, .fn { break-inside: avoid; }
  thead { display: table-header-group; }
  .draft-mark { position: fixed; top: 0; right: 0; }
}
</xsl:variable>

</xsl:stylesheet>
