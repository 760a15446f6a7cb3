<?xml version="1.0" encoding="UTF-8"?>
<!--
  sum.xsl: one area's model (build/Y/model/AREA.xml, join.xsl) → its
  summary, build/Y/sum/AREA.xml: what year.xsl needs of the area, so that
  no year-wide step reads a whole area.  No parameters.

  <sum area="1" measures="N" expected="E" received="R" missing="M"
       rows="P" indicators="I">                  the area's totals
    <count code expected received missing extra/>   one per ministry expected
                                                 or reporting in the area
    <orphans><indicator …/></orphans>            the area's rows that joined
                                                 no matrix indicator (tally)
    <hit src/>                                   rows of no area it joined
    <field id="1-1" mark="①"/>                   each field of the area (表１)
    <exp c="mic" id="1-1-1-ア"/>                  each expected (ministry, measure), plan order
    <miss c="mic" name="総務省" id title/>        each missing (ministry, measure), plan order
    <noeval id title names="総務省、…"/>          each measure with 実績 but no 評価 (issue 15)
    <progress …>                                 rows with 備考 or extra columns (model copies;
                                                 report-back.xsl's 別添３ reads them here)
    <indicator …>                                 matrix indicators with figures (model copies)
  </sum>
  The area's id, num and title are attributes of <sum> too (area, num, title).
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:key name="st" match="/model/area//measure/status/ministry" use="@code"/>

  <xsl:template match="/">
    <xsl:if test="not(/model/tally)">
      <xsl:message terminate="yes">sum.xsl: error: the input is not an area's model (run join.xsl first)</xsl:message>
    </xsl:if>
    <xsl:variable name="st" select="/model/area//measure/status/ministry"/>
    <sum area="{/model/@area}" num="{/model/area/@num}" title="{/model/area/@title}" measures="{count(/model/area//measure)}"
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
      <orphans><xsl:copy-of select="/model/tally/indicator"/></orphans>
      <xsl:copy-of select="/model/tally/hit"/>
      <xsl:for-each select="/model/area/descendant::field">
        <field id="{@id}" mark="{@mark}"/>
      </xsl:for-each>
      <xsl:for-each select="$st[@expected = '1']">
        <exp c="{@code}" id="{../../@id}"/>
      </xsl:for-each>
      <xsl:for-each select="$st[@expected = '1'][@status = 'missing']">
        <miss c="{@code}" name="{@name}" id="{../../@id}" title="{../../@title}"/>
      </xsl:for-each>
      <xsl:for-each select="/model/area/descendant::measure[progress/results/p[normalize-space() != '']]
                            [not(progress/evaluation/p[normalize-space() != ''])]">
        <noeval id="{@id}" title="{@title}">
          <xsl:attribute name="names">
            <xsl:for-each select="progress[results/p[normalize-space() != '']]">
              <xsl:sort select="@pos" data-type="number"/>
              <xsl:if test="position() &gt; 1">、</xsl:if>
              <xsl:value-of select="@name"/>
            </xsl:for-each>
          </xsl:attribute>
        </noeval>
      </xsl:for-each>
      <xsl:copy-of select="/model/area/descendant::progress[note/p[normalize-space() != '']
                                                       or extra[normalize-space() != '']]"/>
      <xsl:copy-of select="/model/area/descendant::entry/indicator[series/value]"/>
    </sum>
  </xsl:template>
</xsl:stylesheet>
