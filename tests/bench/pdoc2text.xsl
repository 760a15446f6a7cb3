<?xml version="1.0" encoding="UTF-8"?>
<!--
  pdoc2text.xsl: the characters of a page description (docs/design.md
  "Page description"), for the bench's floor and peers (issue 7).

  Input:  build/Y/report.pdoc (or slides.pdoc).
  Output: text, one block a line, as "TAG<TAB>text", where TAG is h1..h4
          for headings and p for every other block (p, li, td, textbox,
          chart titles …).  Every text node of the document is in exactly
          one line, in document order; inline elements (b, a, fn, span, br)
          stay inside their block's line, so a footnote's text follows its
          mark.  meta, style, template (running headers) carry no text of
          the report and are skipped; a block's nested blocks get their own
          lines after it.
  Params: none.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:variable name="inline" select="'|b|a|fn|span|br|'"/>

  <xsl:template match="/">
    <xsl:apply-templates select="*"/>
  </xsl:template>

  <xsl:template match="meta|style|template"/>

  <!-- A block: its own text (through inline children), then its nested blocks. -->
  <xsl:template match="*">
    <xsl:variable name="own">
      <xsl:apply-templates select="node()" mode="inline"/>
    </xsl:variable>
    <xsl:if test="normalize-space($own) != ''">
      <xsl:choose>
        <xsl:when test="local-name() = 'h'">
          <xsl:value-of select="concat('h', @level)"/>
        </xsl:when>
        <xsl:otherwise>p</xsl:otherwise>
      </xsl:choose>
      <xsl:text>&#9;</xsl:text>
      <xsl:value-of select="normalize-space($own)"/>
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
    <xsl:apply-templates select="*[not(contains($inline, concat('|', local-name(), '|')))]"/>
  </xsl:template>

  <xsl:template match="text()" mode="inline">
    <xsl:value-of select="."/>
  </xsl:template>
  <xsl:template match="br" mode="inline">
    <xsl:text> </xsl:text>
  </xsl:template>
  <xsl:template match="*" mode="inline">
    <xsl:if test="contains($inline, concat('|', local-name(), '|'))">
      <xsl:apply-templates select="node()" mode="inline"/>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
