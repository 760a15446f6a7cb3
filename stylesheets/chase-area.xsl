<?xml version="1.0" encoding="UTF-8"?>
<!--
  chase-area.xsl: one area's model (build/Y/model/AREA.xml) → what chase.xsl
  needs of it (build/Y/chase/AREA.xml), so that the chase list never loads
  the models themselves (issue 13: each process sees one area).

  <area>
    <pair measure title code status/>   every expected pair of the area, plan
                                         order; status as in the status CSV
                                         (status.xsl's pair-status): 不備,
                                         未提出, 評価なし or 提出済
    <from file code/>                   each (file, ministry) of its progress
                                         rows, once, in document order
  </area>

  Param: diags  absolute path of the area's build/Y/submissions/area-ID.xml,
                as for status.xsl (the errors that make a pair 不備).
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:import href="status.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:key name="from" match="progress" use="concat(@file, ' ', @ministry)"/>

  <xsl:template match="/">
    <xsl:if test="not(/model/area)">
      <xsl:message terminate="yes">chase-area.xsl: error: the input is not an area's model (run join.xsl first)</xsl:message>
    </xsl:if>
    <area>
      <xsl:for-each select="/model/area/descendant::measure/status/ministry[@expected = '1']">
        <xsl:variable name="m" select="ancestor::measure[1]"/>
        <xsl:variable name="c" select="@code"/>
        <xsl:variable name="rows" select="$m/progress[@ministry = $c]"/>
        <xsl:variable name="k" select="concat($m/@id, ' ', $c)"/>
        <pair measure="{$m/@id}" title="{$m/@title}" code="{$c}">
          <xsl:attribute name="status">
            <xsl:for-each select="$diagdoc">
              <xsl:call-template name="pair-status">
                <xsl:with-param name="rows" select="$rows"/>
                <xsl:with-param name="bad" select="key('refused', $k)"/>
              </xsl:call-template>
            </xsl:for-each>
          </xsl:attribute>
        </pair>
      </xsl:for-each>
      <xsl:for-each select="/model/area/descendant::progress
                            [generate-id() = generate-id(key('from', concat(@file, ' ', @ministry))[1])]">
        <from file="{@file}" code="{@ministry}"/>
      </xsl:for-each>
    </area>
  </xsl:template>

</xsl:stylesheet>
