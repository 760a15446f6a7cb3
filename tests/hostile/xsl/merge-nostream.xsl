<?xml version="1.0" encoding="UTF-8"?>
<!-- xf:merge without xf:stream: xform refuses the declaration (docs/errors.md). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xf="urn:pipeline:xform">
  <xf:merge param="target"/>
  <xsl:template match="/"><out/></xsl:template>
</xsl:stylesheet>
