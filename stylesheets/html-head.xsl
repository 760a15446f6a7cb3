<?xml version="1.0" encoding="UTF-8"?>
<!--
  html-head.xsl: the start of the HTML edition, up to the opening <main>
  (see html-shared.xsl):

    xform -param index "html/front.idx.xml html/area-1.idx.xml …" \
          -o html/head.html stylesheets/html-head.xsl front.pdoc

  $index: every file's index in reading order (absolute paths, separated
  by spaces), for the 目次.  The <html>, <body> and <main> it opens are
  closed after the last file's part (pipeline/year.mk).
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:str="http://exslt.org/strings"
                xmlns:exsl="http://exslt.org/common"
                xmlns:xf="urn:x-annual-report:xform"
                xmlns:svg="http://www.w3.org/2000/svg"
                extension-element-prefixes="str exsl xf"
                exclude-result-prefixes="svg">

  <xsl:include href="html-shared.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:param name="index" select="''"/>

  <xsl:variable name="first" select="/document"/>
  <xsl:variable name="draft" select="$first/@draft = '1'"/>

  <!-- every heading of the 目次, in reading order -->
  <xsl:variable name="toc-levels">
    <xsl:choose>
      <xsl:when test="$first//toc/@levels"><xsl:value-of select="$first//toc/@levels"/></xsl:when>
      <xsl:otherwise>2</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="toc-rtf">
    <xsl:for-each select="str:tokenize($index, ' ')">
      <xsl:copy-of select="document(string(.))/idx/e[@level &lt;= $toc-levels]"/>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="toc" select="exsl:node-set($toc-rtf)/e"/>

  <xsl:template match="/">
    <xsl:text disable-output-escaping="yes">&lt;!DOCTYPE html&gt;&#10;&lt;html lang="ja"&gt;</xsl:text>
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
    <xsl:text disable-output-escaping="yes">&lt;body&gt;</xsl:text>
    <xsl:if test="$draft">
      <p class="draft-mark"><span class="stamp">案</span> DRAFT</p>
    </xsl:if>
    <header class="cover">
      <xsl:for-each select="$first/flow[@template = 'cover']/*">
        <xsl:apply-templates select="." mode="cover"/>
      </xsl:for-each>
    </header>
    <xsl:apply-templates select="$first//toc[1]" mode="nav"/>
    <xsl:text disable-output-escaping="yes">&lt;main&gt;</xsl:text>
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
