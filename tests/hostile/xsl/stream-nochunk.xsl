<?xml version="1.0" encoding="UTF-8"?>
<!-- xf:stream without chunk=: xform refuses the declaration (docs/errors.md). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xf="urn:pipeline:xform">
  <xf:stream/>
  <xsl:template match="/"><out/></xsl:template>
</xsl:stylesheet>
