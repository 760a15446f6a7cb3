<?xml version="1.0" encoding="UTF-8"?>
<!--
  html-index.xsl: what the other steps of the HTML edition need from one
  pdoc file (see html-shared.xsl):

    xform -param prev html/E.idx.xml -o html/F.idx.xml \
          stylesheets/html-index.xsl F.pdoc

  $prev: the index of the file E before F (an absolute path; '' for the
  first file).  <idx fn="N" base="B">: N, the file's count of distinct
  footnotes; B, the count of the notes of the files before it (E's base
  + E's fn);
  an <e level="" id=""> per heading of the 目次 (toc="1" with an id;
  html-head.xsl keeps the levels the front's toc asks for), its plain
  text.
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

  <xsl:param name="prev" select="''"/>

  <xsl:template match="/">
    <xsl:variable name="p" select="document($prev)[$prev != '']/idx"/>
    <idx fn="{count(//fn[not(@n = preceding::fn/@n)])}" base="{sum($p/@base | $p/@fn)}">
      <xsl:for-each select="//h[@toc = '1' and @id]">
        <e level="{@level}" id="{@id}"><xsl:apply-templates mode="plain"/></e>
      </xsl:for-each>
    </idx>
  </xsl:template>

</xsl:stylesheet>
