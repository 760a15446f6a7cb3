<?xml version="1.0" encoding="UTF-8"?>
<!--
  sum.xsl: one area's model (build/Y/model/AREA.xml, join.xsl) → its
  summary, build/Y/sum/AREA.xml: what year.xsl needs of the area, so that
  no year-wide step reads a whole area.  No parameters.

  <sum area="1" measures="N" expected="E" received="R" missing="M"
       rows="P" indicators="I">                  the area's totals
    <count code expected received missing extra/>   one per ministry expected
                                                 or reporting in the area
    <indicator …/>                               the area's rows that joined
                                                 no matrix indicator (tally)
    <hit src/>                                   rows of no area it joined
  </sum>
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:key name="st" match="/model/area//measure/status/ministry" use="@code"/>

  <xsl:template match="/">
    <xsl:if test="not(/model/tally)">
      <xsl:message terminate="yes">sum.xsl: error: the input is not an area's model (run join.xsl first)</xsl:message>
    </xsl:if>
    <xsl:variable name="st" select="/model/area//measure/status/ministry"/>
    <sum area="{/model/@area}" measures="{count(/model/area//measure)}"
         expected="{count($st[@expected = '1'])}"
         received="{count($st[@expected = '1'][@status = 'submitted'])}"
         missing="{count($st[@expected = '1'][@status = 'missing'])}"
         rows="{/model/tally/@rows}" indicators="{/model/tally/@indicators}">
      <xsl:for-each select="$st[generate-id() = generate-id(key('st', @code)[1])]">
        <xsl:variable name="mine" select="key('st', @code)"/>
        <count code="{@code}"
               expected="{count($mine[@expected = '1'])}"
               received="{count($mine[@expected = '1'][@status = 'submitted'])}"
               missing="{count($mine[@expected = '1'][@status = 'missing'])}"
               extra="{count($mine[@expected = '0'])}"/>
      </xsl:for-each>
      <xsl:copy-of select="/model/tally/*"/>
    </sum>
  </xsl:template>
</xsl:stylesheet>
