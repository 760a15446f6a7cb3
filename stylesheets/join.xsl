<?xml version="1.0" encoding="UTF-8"?>
<!--
  join.xsl: submissions + plan + matrix + registry → the report model.

  Input:  build/Y/submissions/area-AREA.xml (ingest output, docs/design.md).
  Params: year      fiscal year reported (2014)
          registry  absolute path of input/ministries.xml
          draft     0 or 1 (recorded on the model)
  (Paths must be absolute: document() resolves a relative string against
  this stylesheet, not the working directory.)

  Output: build/Y/model/AREA.xml, the area's part of the plan with what
  was submitted for it (sum.xsl sums it up; year.xsl makes the year's
  totals from the areas' sums).  Every element of the plan is kept; what
  join adds:

  <model year="2014" draft="0" area="1">
    <tally rows="P" indicators="I">              the area's row counts
      <indicator …/>                             its indicator rows that joined nothing
      <hit src="…"/>                             rows of no area that joined one here
    </tally>
    <plan year title body date/>                 the plan root's attributes
    <matrix year title body date/>               the matrix root's attributes
    <input><file …/></input>                     the files its rows come from
    <area id num title>                          the plan's area; likewise field,
                                                 section, group inside
      <p>…</p>                                   lead text, copied
      <summary>                                  only if rows name this node's id
        <progress … name="内閣官房" pos="1">…</progress>  ingest's row + name, registry position
      </summary>
      <entry target title>…</entry>              matrix entries whose target is this id
      <text target title>…</text>                matrix text whose target is this id
      <measure id label title area="1" field="1-1" section="1-1-1" group="…"
               highlight="0|1" expected="3" received="1" missing="2">
        <resp text="…">…</resp>                  copied
        <item label="a">… <fnref ref="fn1" n="1">note text</fnref> …</item>
        <footnote id n>…</footnote>
        <status>                                 one per expected or reporting ministry,
          <ministry code="cas" name="内閣官房" expected="1" status="submitted" rows="1"/>
          <ministry code="npa" name="警察庁" expected="0" status="submitted" rows="1"/>
          <ministry code="mic" name="総務省" expected="1" status="missing" rows="0"/>
        </status>                                registry order
        <progress … name="…" pos="3">…</progress> every row for this measure, CSV order;
                                                 name and registry position added
        <entry target title>                     matrix entries targeting the measure
          <indicator id="…" key="…">             key = id, or the text when no id
            <text>…</text><source>…</source>
            <series ministry="cas" name="内閣官房" unit="件" source="…">
              <value year="2012" value="20019" written="20,019" src="indicators.csv:2" …/>
                                                 every attribute of ingest's row
            </series>                            one per reporting ministry, by year
          </indicator>
        </entry>
      </measure>
      <relist at label ref title ref-title="…" ref-label="ア" ref-path="1①2)(ケ)「…」"
              ref-found="1">…</relist>
    </area>
  </model>

  One run per plan area (docs/stylesheets.md "Per area"): the input is
  ingest's build/Y/submissions/area-AREA.xml, which holds the area's rows, its
  part of the plan (with, in <elsewhere>, what it names in other areas:
  footnotes, re-listed measures) and of the matrix, and the rows of no
  area.

  Indicator rows (ingest's <indicator>) join a matrix indicator by @ref
  (its id, or its text) or by @text; when ingest names the entry in
  @target, only that entry gets the row, else @measure (if any) must be
  the entry's target or below it.

  Every <fnref> of the plan gets n and the footnote's text as content.

  "expected" follows <resp>: each <ministry ref>; a group with
  expect="all" → every ministry of the registry; expect="members" → its
  members; expect="none" → nobody (whoever reports is listed with
  expected="0").  A measure is "received" for a ministry when at least one
  progress row names it.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common"
    exclude-result-prefixes="exsl">

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:param name="year" select="''"/>
  <xsl:param name="registry" select="''"/>
  <xsl:param name="draft" select="'0'"/>

  <xsl:key name="prog" match="/submissions/progress | /submissions/unplaced/progress" use="@measure"/>
  <xsl:key name="ind" match="/submissions/indicator | /submissions/unplaced/indicator" use="@ref"/>
  <xsl:key name="ind-text" match="/submissions/indicator | /submissions/unplaced/indicator"
           use="normalize-space(@text)"/>
  <xsl:key name="entry" match="/submissions/matrix/entry" use="@target"/>
  <xsl:key name="mtext" match="/submissions/matrix/text" use="@target"/>
  <xsl:key name="mind" match="/submissions/matrix/entry/indicator" use="@id"/>
  <xsl:key name="mind" match="/submissions/matrix/entry/indicator" use="normalize-space(text)"/>
  <!-- <elsewhere> comes first: a footnote's first copy is the plan's first -->
  <xsl:key name="node" match="/submissions/plan//area | /submissions/plan//field
                              | /submissions/plan//section | /submissions/plan//group
                              | /submissions/plan//measure" use="@id"/>
  <xsl:key name="footnote" match="/submissions/plan//footnote" use="@id"/>
  <xsl:key name="group" match="/registry/group" use="@code"/>
  <!-- in result tree fragments built here -->
  <xsl:key name="regpos" match="/regpos" use="@code"/>
  <xsl:key name="cand" match="/cand" use="@code"/>
  <xsl:key name="st-m" match="/m" use="@id"/>

  <xsl:variable name="subs" select="/"/>
  <xsl:variable name="P" select="/submissions/plan"/>
  <xsl:variable name="M" select="/submissions/matrix"/>
  <xsl:variable name="R" select="document($registry)/registry"/>
  <!-- Registry order and names, looked up by code (key regpos). -->
  <xsl:variable name="regpos-rtf">
    <xsl:for-each select="$R/ministry">
      <regpos code="{@code}" name="{@name}" pos="{position()}"/>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="regpos" select="exsl:node-set($regpos-rtf)"/>

  <!-- Status of every expected or reporting (measure, ministry) of the
       area, made once (key st-m). -->
  <xsl:variable name="st-rtf">
    <xsl:for-each select="$P/area/descendant::measure">
      <m id="{@id}">
        <xsl:call-template name="measure-status"/>
      </m>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="stdoc" select="exsl:node-set($st-rtf)"/>

  <!-- Everything below is linear in the size of the year: each lookup is a
       key, never a scan of the registry or the plan per measure or row
       (issue 7: the 100x year must cost about 100x). -->

  <xsl:template match="/">
    <xsl:if test="$registry = ''">
      <xsl:message terminate="yes">join.xsl: error: the parameter registry is required (an absolute path)</xsl:message>
    </xsl:if>
    <xsl:if test="not($R)">
      <xsl:message terminate="yes"><xsl:value-of select="$registry"/>: error: not a registry (no &lt;registry&gt; root)</xsl:message>
    </xsl:if>
    <xsl:if test="not(/submissions/plan/area) or not($M)">
      <xsl:message terminate="yes">join.xsl: error: the input is not an area file of ingest (build/Y/submissions/AREA.xml)</xsl:message>
    </xsl:if>
    <model year="{$year}" draft="{$draft}" area="{/submissions/@area}">
      <tally rows="{count(/submissions/progress)}" indicators="{count(/submissions/indicator)}">
        <!-- the area's indicator rows that joined no matrix indicator -->
        <xsl:for-each select="/submissions/indicator">
          <xsl:variable name="hit">
            <xsl:apply-templates select="." mode="hit"/>
          </xsl:variable>
          <xsl:if test="$hit = ''">
            <xsl:copy-of select="."/>
          </xsl:if>
        </xsl:for-each>
        <!-- the rows of no area that joined one of this area -->
        <xsl:for-each select="/submissions/unplaced/indicator">
          <xsl:variable name="hit">
            <xsl:apply-templates select="." mode="hit"/>
          </xsl:variable>
          <xsl:if test="$hit != ''">
            <hit src="{@src}"/>
          </xsl:if>
        </xsl:for-each>
      </tally>
      <!-- the plan's and matrix's own attributes (compose: titles, body) -->
      <plan><xsl:copy-of select="$P/@*"/></plan>
      <matrix><xsl:copy-of select="$M/@*"/></matrix>
      <!-- the files its rows come from (compose names a row by its path) -->
      <input>
        <xsl:copy-of select="/submissions/file"/>
      </input>
      <xsl:apply-templates select="$P/area" mode="plan"/>
    </model>
  </xsl:template>

  <!-- "1" when an indicator row joins some matrix indicator of a plan node
       of this area, else "". -->
  <xsl:template match="indicator" mode="hit">
    <xsl:variable name="row" select="."/>
    <xsl:for-each select="key('mind', $row/@ref) | key('mind', normalize-space($row/@text))">
      <xsl:variable name="t" select="string(../@target)"/>
      <xsl:if test="((string($row/@target) and $row/@target = $t)
                     or (not(string($row/@target))
                         and (not(string($row/@measure)) or $row/@measure = $t
                              or starts-with($row/@measure, concat($t, '-')))))">
        <xsl:if test="key('node', $t)">1</xsl:if>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- Plan nodes that contain others: copy, then what submissions say about them. -->
  <xsl:template match="area|field|section|group" mode="plan">
    <xsl:variable name="id" select="@id"/>
    <xsl:copy>
      <xsl:copy-of select="@*"/>
      <xsl:variable name="rows">
        <xsl:for-each select="$subs">
          <xsl:apply-templates select="key('prog', $id)" mode="row"/>
        </xsl:for-each>
      </xsl:variable>
      <xsl:if test="exsl:node-set($rows)/*">
        <summary>
          <xsl:copy-of select="$rows"/>
        </summary>
      </xsl:if>
      <xsl:call-template name="matrix-for">
        <xsl:with-param name="id" select="$id"/>
      </xsl:call-template>
      <xsl:apply-templates select="*" mode="plan"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="measure" mode="plan">
    <xsl:variable name="id" select="@id"/>
    <xsl:variable name="status-rtf">
      <xsl:for-each select="$stdoc">
        <xsl:copy-of select="key('st-m', $id)[1]/ministry"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="status" select="exsl:node-set($status-rtf)/ministry"/>
    <xsl:copy>
      <xsl:copy-of select="@*"/>
      <xsl:attribute name="area"><xsl:value-of select="ancestor::area[1]/@id"/></xsl:attribute>
      <xsl:attribute name="field"><xsl:value-of select="ancestor::field[1]/@id"/></xsl:attribute>
      <xsl:attribute name="section"><xsl:value-of select="ancestor::section[1]/@id"/></xsl:attribute>
      <xsl:attribute name="group"><xsl:value-of select="ancestor::group[1]/@id"/></xsl:attribute>
      <xsl:attribute name="highlight">
        <xsl:for-each select="$subs">
          <xsl:value-of select="number(boolean(key('prog', $id)[@highlight = '1']))"/>
        </xsl:for-each>
      </xsl:attribute>
      <xsl:attribute name="expected"><xsl:value-of select="count($status[@expected = '1'])"/></xsl:attribute>
      <xsl:attribute name="received">
        <xsl:value-of select="count($status[@expected = '1'][@status = 'submitted'])"/>
      </xsl:attribute>
      <xsl:attribute name="missing">
        <xsl:value-of select="count($status[@expected = '1'][@status = 'missing'])"/>
      </xsl:attribute>
      <xsl:apply-templates select="*" mode="measure-child"/>
      <status>
        <xsl:copy-of select="$status"/>
      </status>
      <xsl:for-each select="$subs">
        <xsl:apply-templates select="key('prog', $id)" mode="row"/>
      </xsl:for-each>
      <xsl:call-template name="matrix-for">
        <xsl:with-param name="id" select="$id"/>
      </xsl:call-template>
    </xsl:copy>
  </xsl:template>

  <!-- The context measure's <ministry> status entries (see the model). -->
  <xsl:template name="measure-status">
    <xsl:variable name="id" select="@id"/>
    <!-- Candidates: named ministries, group members, and whoever reported;
         one <status/ministry> per distinct code, in registry order. -->
    <xsl:variable name="cand-rtf">
      <xsl:for-each select="resp/ministry">
        <xsl:call-template name="cand">
          <xsl:with-param name="code" select="string(@ref)"/>
          <xsl:with-param name="exp" select="1"/>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:for-each select="resp/group">
        <xsl:variable name="g" select="string(@ref)"/>
        <xsl:for-each select="$R">
          <xsl:variable name="grp" select="key('group', $g)"/>
          <xsl:choose>
            <xsl:when test="$grp/@expect = 'all'">
              <xsl:for-each select="$R/ministry">
                <xsl:call-template name="cand">
                  <xsl:with-param name="code" select="string(@code)"/>
                  <xsl:with-param name="exp" select="1"/>
                </xsl:call-template>
              </xsl:for-each>
            </xsl:when>
            <xsl:when test="$grp/@expect = 'members'">
              <xsl:for-each select="$grp/member">
                <xsl:call-template name="cand">
                  <xsl:with-param name="code" select="string(@ref)"/>
                  <xsl:with-param name="exp" select="1"/>
                </xsl:call-template>
              </xsl:for-each>
            </xsl:when>
          </xsl:choose>
        </xsl:for-each>
      </xsl:for-each>
      <xsl:for-each select="$subs">
        <xsl:for-each select="key('prog', $id)">
          <xsl:call-template name="cand">
            <xsl:with-param name="code" select="string(@ministry)"/>
            <xsl:with-param name="exp" select="0"/>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:for-each>
    </xsl:variable>
    <!-- One per code: sorted by code (stably), each cand whose code differs
         from the one before it.  (generate-id() = generate-id(key('cand',
         @code)[1]) for every cand was quadratic in the rows of one measure,
         issue 12.)  Codes not in the registry, all at pos 999999, come in
         code order. -->
    <xsl:variable name="by-code-rtf">
      <xsl:for-each select="exsl:node-set($cand-rtf)/cand">
        <xsl:sort select="@code"/>
        <xsl:copy-of select="."/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:for-each select="exsl:node-set($by-code-rtf)/cand[not(@code = preceding-sibling::cand[1]/@code)]">
      <xsl:sort select="@pos" data-type="number"/>
      <xsl:sort select="@code"/>
      <xsl:variable name="all" select="key('cand', @code)"/>
      <xsl:variable name="n" select="count($all[@exp = '0'])"/>
      <ministry code="{@code}" name="{@name}" expected="{number(boolean($all[@exp = '1']))}"
                rows="{$n}">
        <xsl:attribute name="status">
          <xsl:choose>
            <xsl:when test="$n &gt; 0">submitted</xsl:when>
            <xsl:otherwise>missing</xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
      </ministry>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="cand">
    <xsl:param name="code"/>
    <xsl:param name="exp"/>
    <cand code="{$code}" exp="{$exp}">
      <xsl:call-template name="name-pos"><xsl:with-param name="code" select="$code"/></xsl:call-template>
    </cand>
  </xsl:template>

  <!-- @name and @pos (registry order, 999999 when not in the registry:
       for printing rows in registry order) of the ministry $code -->
  <xsl:template name="name-pos">
    <xsl:param name="code"/>
    <xsl:for-each select="$regpos">
      <xsl:variable name="r" select="key('regpos', $code)"/>
      <xsl:attribute name="name"><xsl:value-of select="$r/@name"/></xsl:attribute>
      <xsl:attribute name="pos">
        <xsl:choose>
          <xsl:when test="$r"><xsl:value-of select="$r/@pos"/></xsl:when>
          <xsl:otherwise>999999</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="ministry-name">
    <xsl:param name="code"/>
    <xsl:for-each select="$regpos">
      <xsl:value-of select="key('regpos', $code)/@name"/>
    </xsl:for-each>
  </xsl:template>

  <!-- "1 ① 1) (ア)「title」": how the report names a measure (relists). -->
  <xsl:template name="node-path">
    <xsl:for-each select="ancestor::area">
      <xsl:value-of select="@num"/>
    </xsl:for-each>
    <xsl:for-each select="ancestor::field">
      <xsl:value-of select="@mark"/>
    </xsl:for-each>
    <xsl:for-each select="ancestor::section">
      <xsl:value-of select="concat(@num, ')')"/>
    </xsl:for-each>
    <xsl:value-of select="concat('(', @label, ')「', @title, '」')"/>
  </xsl:template>

  <!-- A relist names a measure of this area or of another (in <elsewhere>). -->
  <xsl:template match="relist" mode="plan">
    <xsl:variable name="here" select="key('node', @ref)[1]"/>
    <xsl:copy>
      <xsl:copy-of select="@*"/>
      <xsl:attribute name="ref-found"><xsl:value-of select="number(boolean($here))"/></xsl:attribute>
      <xsl:if test="$here">
        <xsl:attribute name="ref-title"><xsl:value-of select="$here/@title"/></xsl:attribute>
        <xsl:attribute name="ref-label"><xsl:value-of select="$here/@label"/></xsl:attribute>
        <xsl:attribute name="ref-path">
          <xsl:if test="$here/self::measure">
            <xsl:for-each select="$here"><xsl:call-template name="node-path"/></xsl:for-each>
          </xsl:if>
        </xsl:attribute>
      </xsl:if>
      <xsl:copy-of select="node()"/>
    </xsl:copy>
  </xsl:template>

  <!-- Everything else in the plan (p, intro, …) is copied, fnref resolved. -->
  <xsl:template match="*" mode="plan">
    <xsl:apply-templates select="." mode="inline"/>
  </xsl:template>

  <!-- Children of a measure: copied, fnref given its footnote's n and text. -->
  <xsl:template match="*" mode="measure-child">
    <xsl:apply-templates select="." mode="inline"/>
  </xsl:template>

  <xsl:template match="fnref" mode="inline">
    <xsl:variable name="fn" select="key('footnote', @ref)[1]"/>
    <fnref ref="{@ref}" n="{$fn/@n}">
      <xsl:copy-of select="$fn/node()"/>
    </fnref>
  </xsl:template>

  <xsl:template match="*" mode="inline">
    <xsl:copy>
      <xsl:copy-of select="@*"/>
      <xsl:apply-templates select="node()" mode="inline"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="text()" mode="inline">
    <xsl:copy-of select="."/>
  </xsl:template>

  <!-- A progress row, with the ministry's name and registry position
       (pos, for printing rows in registry order). -->
  <xsl:template match="progress" mode="row">
    <xsl:copy>
      <xsl:copy-of select="@*"/>
      <xsl:call-template name="name-pos"><xsl:with-param name="code" select="string(@ministry)"/></xsl:call-template>
      <xsl:copy-of select="node()"/>
    </xsl:copy>
  </xsl:template>

  <!-- Matrix entries and texts aimed at plan node `id`, indicators with series. -->
  <xsl:template name="matrix-for">
    <xsl:param name="id"/>
    <xsl:for-each select="$M">
      <xsl:copy-of select="key('mtext', $id)"/>
      <xsl:for-each select="key('entry', $id)">
        <entry>
          <xsl:copy-of select="@*"/>
          <xsl:for-each select="indicator">
            <xsl:variable name="key">
              <xsl:choose>
                <xsl:when test="@id"><xsl:value-of select="@id"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="normalize-space(text)"/></xsl:otherwise>
              </xsl:choose>
            </xsl:variable>
            <xsl:variable name="text" select="normalize-space(text)"/>
            <indicator key="{$key}">
              <xsl:copy-of select="@*"/>
              <xsl:copy-of select="*"/>
              <xsl:for-each select="$subs">
                <xsl:variable name="vals"
                    select="(key('ind', $key) | key('ind', $text) | key('ind-text', $text))
                            [(string(@target) and @target = $id)
                             or (not(string(@target))
                                 and (not(string(@measure)) or @measure = $id
                                      or starts-with(@measure, concat($id, '-'))))]"/>
                <xsl:for-each select="$vals">
                  <xsl:variable name="c" select="string(@ministry)"/>
                  <xsl:if test="generate-id() = generate-id($vals[string(@ministry) = $c][1])">
                  <series ministry="{$c}" unit="{@unit}" source="{@source}">
                    <xsl:attribute name="name">
                      <xsl:call-template name="ministry-name">
                        <xsl:with-param name="code" select="$c"/>
                      </xsl:call-template>
                    </xsl:attribute>
                    <xsl:for-each select="$vals[string(@ministry) = $c]">
                      <xsl:sort select="@year" data-type="number"/>
                      <value>
                        <xsl:copy-of select="@*"/>
                      </value>
                    </xsl:for-each>
                  </series>
                  </xsl:if>
                </xsl:for-each>
              </xsl:for-each>
            </indicator>
          </xsl:for-each>
        </entry>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:template>

</xsl:stylesheet>
