<?xml version="1.0" encoding="UTF-8"?>
<!--
  areas.xsl: plan → build/Y/areas.mk, the make variable AREAS listing the
  ids of the plan's <area>s in plan order (AREAS := 1 2 3 4), for
  pipeline/year.mk's per-area rules.  An id must be letters, digits, '-'
  and '_' (it names files and make targets); any other stops the build.
  Input: input/Y/plan.xml.  No parameters.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:variable name="safe"
      select="'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_'"/>

  <xsl:template match="/">
    <xsl:if test="not(/plan)">
      <xsl:message terminate="yes">areas.xsl: error: the input is not a plan (no &lt;plan&gt; root)</xsl:message>
    </xsl:if>
    <xsl:for-each select="/plan/area[string(@id) = '' or translate(@id, $safe, '') != ''
                                     or starts-with(@id, '-')]">
      <xsl:message terminate="yes">plan.xml: error: plan area id '<xsl:value-of select="@id"/>' cannot name a file: use letters, digits, '-' and '_' only</xsl:message>
    </xsl:for-each>
    <xsl:text>AREAS :=</xsl:text>
    <xsl:for-each select="/plan/area">
      <xsl:value-of select="concat(' ', @id)"/>
    </xsl:for-each>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>
</xsl:stylesheet>
