<?xml version="1.0" encoding="UTF-8"?>
<!--
  slides-front.xsl: build/Y/year.xml (year.xsl) → build/Y/slides/front.pdoc,
  the title slide.  Params: draft, date (as slides.xsl, whose templates it
  imports).
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="slides.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:strip-space elements="*"/>

  <xsl:template match="/">
    <xsl:if test="not(/model/digest)">
      <xsl:message terminate="yes">slides-front.xsl: error: the input is not the year's summary (run year.xsl first)</xsl:message>
    </xsl:if>
    <document kind="slides" draft="{number($is-draft)}">
      <xsl:call-template name="meta"/>
      <xsl:call-template name="head"/>
      <xsl:call-template name="title-slide"/>
    </document>
  </xsl:template>
</xsl:stylesheet>
