<?xml version="1.0" encoding="UTF-8"?>
<!--
  html-body.xsl: the HTML of one pdoc file's flows (the cover aside), a
  part of the HTML edition's <main> (see html-shared.xsl):

    xform -param i N -param idx html/F.idx.xml \
          -o html/F.html stylesheets/html-body.xsl F.pdoc

  $i: the file's place in the report's files (1 for front.pdoc), in the
  ids of its footnotes and charts; $idx (html-shared.xsl): the file's
  index, for its footnote numbers.
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

  <xsl:param name="i" select="1"/>

  <xsl:template match="/">
    <xsl:for-each select="document/flow[not(@template = 'cover')]/*">
      <xsl:apply-templates select=".">
        <xsl:with-param name="i" select="$i"/>
      </xsl:apply-templates>
    </xsl:for-each>
  </xsl:template>

</xsl:stylesheet>
