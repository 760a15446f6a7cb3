<?xml version="1.0" encoding="UTF-8"?>
<!--
  join.xsl: submissions + plan + matrix + registry → the report model.

  Input:  build/Y/submissions.xml (ingest output, docs/design.md).
  Params: year      fiscal year reported (2014)
          plan      absolute path of input/Y/plan.xml
          matrix    absolute path of input/Y/matrix.xml
          registry  absolute path of input/ministries.xml
          draft     0 or 1 (recorded on the model; the diagnostics are
                    always copied, report.xsl prints them when draft=1)
  (Paths must be absolute: document() resolves a relative string against
  this stylesheet, not the working directory.)

  Output: build/Y/model.xml, the plan tree decorated with what was
  submitted.  Every element of the plan is kept; what join adds:

  <model year="2014" draft="0" measures="N" expected="E" received="R" missing="M"
         rows="P" indicators="I">
    <plan year title body date/>                 the plan's own attributes
    <matrix year title body date>                domains, viewpoint, text copied
      <domains>…</domains><viewpoint>…</viewpoint><text>…</text>
    </matrix>
    <registry>…</registry>                       copied from ministries.xml
    <intro>…</intro>                             copied from the plan
    <counts>                                     提出状況: per ministry, registry order
      <ministry code name expected received missing extra>
        <area ref="1" expected received missing/>   only areas where the ministry
                                                     is expected or reported
      </ministry>
    </counts>
    <orphans>progress rows whose id names no plan node (ingest should have
             refused them), indicator rows that matched no matrix indicator</orphans>
    <input files rows errors warnings><file …/></input>
    <diags><diag …>…</diag></diags>              every ingest diagnostic, as written
    <area id num title>                          last, in plan order (streaming:
                                                 the compose stages read all
                                                 the rest first); likewise
                                                 field, section, group inside
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

  Streaming (issue 7; docs/stylesheets.md "Streaming"): xform runs this
  stylesheet once per plan area (part='chunk') and once at the end
  (part='final'), never over the whole year.  Its working document is
  <submissions> with ingest's <file>s, the rows of no area, the plan's
  root with its <intro>s and the current <area>, the whole registry, the
  current <area ref> block of rows and, in the final run, ingest's
  <diag>s.  A chunk run writes the area's part of the model and carries
  (xf:carry) each measure's status, every node's id, label and title
  (relists name earlier areas) and its footnotes; the final run writes
  the <model> root with the totals and counts from what was carried, and
  the model's other children.  The matrix's entries and texts join the
  run of their target's area (xf:merge by="target").  The model's
  areas come after its other children.

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
    xmlns:xf="urn:pipeline:xform"
    exclude-result-prefixes="exsl xf">

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xf:stream chunk="area" key="ref"/>
  <xf:merge param="plan" chunk="area" key="id"/>
  <xf:merge param="matrix" by="target"/>
  <xf:merge param="registry"/>

  <xsl:param name="year" select="''"/>
  <xsl:param name="plan" select="''"/>
  <xsl:param name="matrix" select="''"/>
  <xsl:param name="registry" select="''"/>
  <xsl:param name="draft" select="'0'"/>
  <xsl:param name="part" select="'final'"/>

  <!-- Every key on the working document is anchored (/submissions/…):
       libxslt evaluates a key's match once per run over what it selects,
       and an unanchored pattern would walk the whole working document in
       each of the year's runs. -->
  <xsl:key name="prog" match="/submissions/progress | /submissions/area/progress" use="@measure"/>
  <xsl:key name="ind" match="/submissions/indicator | /submissions/area/indicator" use="@ref"/>
  <xsl:key name="ind-text" match="/submissions/indicator | /submissions/area/indicator"
           use="normalize-space(@text)"/>
  <xsl:key name="entry" match="/submissions/matrix/entry" use="@target"/>
  <xsl:key name="mtext" match="/submissions/matrix/text" use="@target"/>
  <xsl:key name="mind" match="/submissions/matrix/entry/indicator" use="@id"/>
  <xsl:key name="mind" match="/submissions/matrix/entry/indicator" use="normalize-space(text)"/>
  <xsl:key name="node" match="/submissions/plan/area | /submissions/plan/area//field
                              | /submissions/plan/area//section | /submissions/plan/area//group
                              | /submissions/plan/area//measure" use="@id"/>
  <xsl:key name="footnote" match="/submissions/plan/area//footnote" use="@id"/>
  <xsl:key name="group" match="/submissions/registry/group" use="@code"/>
  <xsl:key name="hit" match="/submissions/xf:carry/hit" use="@src"/>
  <!-- in result tree fragments built here, and (st…) in what was carried -->
  <xsl:key name="regpos" match="/regpos" use="@code"/>
  <xsl:key name="cand" match="/cand" use="@code"/>
  <xsl:key name="st" match="/m/ministry | /submissions/xf:carry/m/ministry" use="@code"/>
  <xsl:key name="st-m" match="/m" use="@id"/>
  <xsl:key name="st-area" match="/m/ministry | /submissions/xf:carry/m/ministry"
           use="concat(@code, ' ', ../@area)"/>

  <xsl:variable name="subs" select="/"/>
  <xsl:variable name="P" select="/submissions/plan"/>
  <xsl:variable name="M" select="/submissions/matrix"/>
  <xsl:variable name="R" select="/submissions/registry"/>
  <!-- Registry order and names, looked up by code (key regpos). -->
  <xsl:variable name="regpos-rtf">
    <xsl:for-each select="$R/ministry">
      <regpos code="{@code}" name="{@name}" pos="{position()}"/>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="regpos" select="exsl:node-set($regpos-rtf)"/>

  <!-- Status of every expected or reporting (measure, ministry) of this
       run's area, small, made once: for each measure's <status> (key
       st-m) and, carried, for the totals and the 提出状況 counts. -->
  <xsl:variable name="st-rtf">
    <xsl:if test="$part = 'chunk'">
      <xsl:for-each select="$P/area/descendant::measure">
        <m id="{@id}" area="{ancestor::area[1]/@id}">
          <xsl:call-template name="measure-status"/>
        </m>
      </xsl:for-each>
    </xsl:if>
  </xsl:variable>
  <xsl:variable name="stdoc" select="exsl:node-set($st-rtf)"/>

  <!-- Everything below is linear in the size of the year: each lookup is a
       key, never a scan of the registry or the plan per measure or row
       (issue 7: the 100x year must cost about 100x). -->

  <xsl:template match="/">
    <xsl:if test="$plan = '' or $matrix = '' or $registry = ''">
      <xsl:message terminate="yes">join.xsl: error: the parameters plan, matrix and registry are required (absolute paths)</xsl:message>
    </xsl:if>
    <xsl:if test="not($P)">
      <xsl:message terminate="yes"><xsl:value-of select="$plan"/>: error: not a plan (no &lt;plan&gt; root)</xsl:message>
    </xsl:if>
    <xsl:if test="not($M)">
      <xsl:message terminate="yes"><xsl:value-of select="$matrix"/>: error: not a matrix (no &lt;matrix&gt; root)</xsl:message>
    </xsl:if>
    <xsl:if test="not($R)">
      <xsl:message terminate="yes"><xsl:value-of select="$registry"/>: error: not a registry (no &lt;registry&gt; root)</xsl:message>
    </xsl:if>
    <xsl:if test="not(/submissions)">
      <xsl:message terminate="yes">join.xsl: error: the input is not a submissions document</xsl:message>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="$part = 'chunk'">
        <model>
          <xsl:apply-templates select="$P/area" mode="plan"/>
          <xf:carry>
            <!-- For relists (they name measures of earlier areas) and the
                 final run's orphans: every node's id, and a measure's
                 label, title and path, as one text per run, records
                 "&#10;ID&#9;LABEL&#9;TITLE&#9;PATH", searched with
                 contains(): elements or a key here would be walked again
                 in every later run (at 100x, 2.7 s of join's 6 s). -->
            <nodes>
              <xsl:for-each select="$P/area | $P/area/descendant::field | $P/area/descendant::section | $P/area/descendant::group">
                <xsl:value-of select="concat('&#10;', @id, '&#9;&#9;&#9;')"/>
              </xsl:for-each>
              <xsl:for-each select="$P/area/descendant::measure">
                <xsl:variable name="path"><xsl:call-template name="node-path"/></xsl:variable>
                <xsl:value-of select="concat('&#10;', @id, '&#9;', @label, '&#9;', @title, '&#9;', $path)"/>
              </xsl:for-each>
              <xsl:text>&#10;</xsl:text>
            </nodes>
          </xf:carry>
          <xf:carry to="final">
            <xsl:for-each select="$stdoc/m">
              <m id="{@id}" area="{@area}">
                <xsl:for-each select="ministry">
                  <ministry code="{@code}" expected="{@expected}" status="{@status}"/>
                </xsl:for-each>
              </m>
            </xsl:for-each>
            <rows n="{count(/submissions/area/progress)}" i="{count(/submissions/area/indicator)}"/>
            <xsl:for-each select="/submissions/area/indicator">
              <xsl:variable name="hit">
                <xsl:apply-templates select="." mode="hit"/>
              </xsl:variable>
              <xsl:if test="$hit = ''">
                <orphan><xsl:copy-of select="."/></orphan>
              </xsl:if>
            </xsl:for-each>
            <xsl:for-each select="/submissions/indicator">
              <xsl:variable name="hit">
                <xsl:apply-templates select="." mode="hit"/>
              </xsl:variable>
              <xsl:if test="$hit != ''">
                <hit src="{@src}"/>
              </xsl:if>
            </xsl:for-each>
          </xf:carry>
        </model>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="final"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="final">
    <xsl:variable name="st" select="/submissions/xf:carry/m/ministry"/>

    <model year="{$year}" draft="{$draft}"
           measures="{count(/submissions/xf:carry/m)}"
           expected="{count($st[@expected = '1'])}"
           received="{count($st[@expected = '1'][@status = 'submitted'])}"
           missing="{count($st[@expected = '1'][@status = 'missing'])}"
           rows="{count(/submissions/progress | /submissions/area/progress) + sum(/submissions/xf:carry/rows/@n)}"
           indicators="{count(/submissions/indicator | /submissions/area/indicator) + sum(/submissions/xf:carry/rows/@i)}">
      <plan>
        <xsl:copy-of select="$P/@*"/>
      </plan>
      <matrix>
        <xsl:copy-of select="$M/@*"/>
        <xsl:copy-of select="$M/domains | $M/viewpoint | $M/text[not(@target)]"/>
      </matrix>
      <xsl:copy-of select="$R"/>
      <xsl:apply-templates select="$P/*" mode="plan"/>
      <counts>
        <xsl:for-each select="$R/ministry">
          <xsl:variable name="c" select="string(@code)"/>
          <xsl:variable name="name" select="@name"/>
          <xsl:variable name="mine" select="key('st', $c)"/>
          <ministry code="{$c}" name="{$name}"
                    expected="{count($mine[@expected = '1'])}"
                    received="{count($mine[@expected = '1'][@status = 'submitted'])}"
                    missing="{count($mine[@expected = '1'][@status = 'missing'])}"
                    extra="{count($mine[@expected = '0'])}">
            <xsl:for-each select="$mine[generate-id() =
                generate-id(key('st-area', concat($c, ' ', ../@area))[1])]">
              <xsl:variable name="a" select="key('st-area', concat($c, ' ', ../@area))"/>
              <area ref="{../@area}"
                    expected="{count($a[@expected = '1'])}"
                    received="{count($a[@expected = '1'][@status = 'submitted'])}"
                    missing="{count($a[@expected = '1'][@status = 'missing'])}"/>
            </xsl:for-each>
          </ministry>
        </xsl:for-each>
      </counts>
      <orphans>
        <xsl:for-each select="/submissions/progress">
          <xsl:if test="not(/submissions/xf:carry/nodes[contains(., concat('&#10;', current()/@measure, '&#9;'))])">
            <xsl:apply-templates select="." mode="row"/>
          </xsl:if>
        </xsl:for-each>
        <xsl:copy-of select="/submissions/xf:carry/orphan/indicator"/>
        <xsl:for-each select="/submissions/indicator">
          <xsl:if test="not(key('hit', @src))">
            <xsl:copy-of select="."/>
          </xsl:if>
        </xsl:for-each>
      </orphans>
      <input>
        <xsl:copy-of select="/submissions/@*"/>
        <xsl:copy-of select="/submissions/file"/>
      </input>
      <diags>
        <xsl:copy-of select="/submissions/diag"/>
      </diags>
      <xf:body/>
    </model>
  </xsl:template>

  <!-- "1" when an indicator row joins some matrix indicator of a plan node
       (of this run's area, or carried), else "". -->
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
    <xsl:for-each select="$regpos">
      <xsl:variable name="r" select="key('regpos', $code)"/>
      <cand code="{$code}" exp="{$exp}" name="{$r/@name}">
        <xsl:attribute name="pos">
          <xsl:choose>
            <xsl:when test="$r"><xsl:value-of select="$r/@pos"/></xsl:when>
            <xsl:otherwise>999999</xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
      </cand>
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

  <!-- A relist names a measure of this area or of an earlier one (carried). -->
  <xsl:template match="relist" mode="plan">
    <xsl:variable name="ref" select="@ref"/>
    <xsl:variable name="here" select="key('node', $ref)[1]"/>
    <!-- else an earlier area's record: "LABEL&#9;TITLE&#9;PATH" -->
    <xsl:variable name="mark" select="concat('&#10;', $ref, '&#9;')"/>
    <xsl:variable name="there" select="/submissions/xf:carry/nodes[not($here)][contains(., $mark)][1]"/>
    <xsl:variable name="rec" select="substring-before(substring-after($there, $mark), '&#10;')"/>
    <xsl:variable name="rest" select="substring-after($rec, '&#9;')"/>
    <xsl:copy>
      <xsl:copy-of select="@*"/>
      <xsl:attribute name="ref-found"><xsl:value-of select="number($here or $there)"/></xsl:attribute>
      <xsl:choose>
        <xsl:when test="$here">
          <xsl:attribute name="ref-title"><xsl:value-of select="$here/@title"/></xsl:attribute>
          <xsl:attribute name="ref-label"><xsl:value-of select="$here/@label"/></xsl:attribute>
          <xsl:attribute name="ref-path">
            <xsl:if test="$here/self::measure">
              <xsl:for-each select="$here"><xsl:call-template name="node-path"/></xsl:for-each>
            </xsl:if>
          </xsl:attribute>
        </xsl:when>
        <xsl:when test="$there">
          <xsl:attribute name="ref-title"><xsl:value-of select="substring-before($rest, '&#9;')"/></xsl:attribute>
          <xsl:attribute name="ref-label"><xsl:value-of select="substring-before($rec, '&#9;')"/></xsl:attribute>
          <xsl:attribute name="ref-path"><xsl:value-of select="substring-after($rest, '&#9;')"/></xsl:attribute>
        </xsl:when>
      </xsl:choose>
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
    <xsl:variable name="c" select="string(@ministry)"/>
    <xsl:copy>
      <xsl:copy-of select="@*"/>
      <xsl:for-each select="$regpos">
        <xsl:variable name="r" select="key('regpos', $c)"/>
        <xsl:attribute name="name"><xsl:value-of select="$r/@name"/></xsl:attribute>
        <xsl:attribute name="pos">
          <xsl:choose>
            <xsl:when test="$r"><xsl:value-of select="$r/@pos"/></xsl:when>
            <xsl:otherwise>999999</xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
      </xsl:for-each>
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
