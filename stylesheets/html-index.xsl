<?xml version="1.0" encoding="UTF-8"?>
<!--
  html-index.xsl: what the other steps of the HTML edition need from one
  pdoc file (see html-shared.xsl):

    xform -o html/F.idx.xml stylesheets/html-index.xsl F.pdoc

  <idx fn="N">: N, the file's count of distinct footnotes; an <e level=""
  id=""> per heading of the 目次 (toc="1" with an id; html-head.xsl keeps
  the levels the front's toc asks for), its plain text.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:str="http://exslt.org/strings"
                xmlns:exsl="http://exslt.org/common"
                xmlns:xf="urn:x-annual-report:xform"
                xmlns:svg="http://www.w3.org/2000/svg"
                extension-element-prefixes="str exsl xf"
                exclude-result-prefixes="svg">

  <xsl:include href="html-shared.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:template match="/">
    <idx fn="{count(//fn[not(@n = preceding::fn/@n)])}">
      <xsl:for-each select="//h[@toc = '1' and @id]">
        <e level="{@level}" id="{@id}"><xsl:apply-templates mode="plain"/></e>
      </xsl:for-each>
    </idx>
  </xsl:template>

</xsl:stylesheet>
