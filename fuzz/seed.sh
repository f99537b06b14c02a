#!/bin/sh
# Writes the seed corpus of every fuzz target into fuzz/corpus/TARGET/:
# the briefs, the test fixtures and a few hostile cases, small. Run from
# anywhere; it replaces what the seed folders held.
set -eu
cd "$(dirname "$0")/.."
out=fuzz/corpus
rm -rf "$out/parse" "$out/parse_render" "$out/query" "$out/state" "$out/config"
mkdir -p "$out/parse" "$out/parse_render" "$out/query" "$out/state" "$out/config"

# Hostile briefs: escapes, entities, bidi and joiners, wide and deep
# things, tabs in code, front-matter edge cases.
hostile=$(mktemp -d)
trap 'rm -rf "$hostile"' EXIT
printf '# Esc\n\nA \033[2J clear, OSC \033]52;c;aGk=\007 and &#27;[31m, &#x9b;, &#7;.\n\n[t](<a\001b> "\033]0;x\007")\n' >"$hostile/escapes.md"
printf '# Joiners\n\n👨‍👩‍👧‍👦 family, 🏳️‍🌈 flag, lone ‍ joiner, rtl \342\200\256x, a🌞b 한국어 e\314\201\n' >"$hostile/joiners.md"
printf '# Code\n\n```\n\tlet x = 1;\t// a very long line that goes on and on past any narrow width at all\n```\n\n> > - 1. > quoted\n\n| a | b | c |\n|---|--:|:-:|\n| 한국 Korea long cell | 60%% | 🌞 |\n' >"$hostile/wide.md"
printf '\357\273\277+++\r\nid = "x"\r\ntitle = "T\\u001b[31m"\r\n+++\r\n\r\n# A\r\n\r\n+++\nmid = 1\n+++\n' >"$hostile/frontmatter.md"
printf '+++\nid = "y"\n[[figures]]\nid = "f"\nvalue = "60 percent"\nlabel = "share"\nsection = "a"\n\n+++\n# A\n\nSee [60 percent](fig:f) and [b](other.md#x) and [c](../../etc/passwd).[^1]\n\n[^1]: A note.\n' >"$hostile/figures.md"
awk 'BEGIN { for (i = 0; i < 300; i++) printf ">"; print " deep"; for (i = 0; i < 200; i++) { for (j = 0; j < i; j++) printf "  "; print "- item" } }' >"$hostile/nesting.md"
awk 'BEGIN { for (i = 0; i < 2000; i++) printf "[a](<b"; print "" }' >"$hostile/links.md"

briefs=$(ls briefs/*.md tests/fixtures/*/*.md "$hostile"/*.md)
i=0
for f in $briefs; do
    name=$(basename "$f" .md)
    # parse: two bytes of width (40, 120 or 9 in turn); parse_render:
    # width and height (120 by 40).
    case $((i % 3)) in
    0) w='(\000' ;;
    1) w='x\000' ;;
    *) w='\011\000' ;;
    esac
    i=$((i + 1))
    (printf "$w"; cat "$f") >"$out/parse/$name"
    (printf 'x\000(\000'; cat "$f") >"$out/parse_render/$name"
done
(printf '\010\000\010\000'; cat "$hostile/wide.md") >"$out/parse_render/wide-8x8"
(printf '\036\000\010\000'; cat "$hostile/joiners.md") >"$out/parse_render/joiners-30x8"

# Queries: the README's, and hostile ones.
n=0
while IFS= read -r q; do
    n=$((n + 1))
    printf '%s' "$q" >"$out/query/q$n"
done <<'QUERIES'
chip exp china
#public-opinion
how much of the cost of us troops does seoul pay
host nation support
semicondctor
furloughed
60% of exports
$133bn 15k sixty percent
@digital alliance
korea's Korea’s U.S. don't
what does who the
#
@
QUERIES
printf 'a\033[31mb \342\200\256 \342\200\215 %%%%%% 1,2.3.4 ...' >"$out/query/hostile"
awk 'BEGIN { for (i = 0; i < 300; i++) printf "chip "; }' >"$out/query/long"

# Saved states: both formats, a newer one, damaged ones.
printf '%s' '{"format":"briefing-state","version":2,"places":{"digital-allies":{"section":"x","block":3,"at":1700000000000},"b":{"section":"","block":0,"at":5}},"bookmarks":[{"brief":"a","section":"","title":"A","at":5},{"brief":"a","section":"s","title":"A › S","at":6}],"removed_bookmarks":[{"brief":"b","section":"s","at":9}],"marks":{"a":{"s":{"read":{"on":true,"at":3},"reviewed":{"on":false,"at":4}}}},"theme":{"name":"light","at":7}}' >"$out/state/v2"
printf '%s' '{"format":"briefing-state","version":1,"last":"b","places":{"a":{"section":"x","block":3},"b":{"section":"","block":0}},"recent":["b","a"],"bookmarks":[{"brief":"b","section":"z","title":"B › Z"}]}' >"$out/state/v1"
printf '%s' '{"format":"briefing-state","version":3,"notes":["keep me"]}' >"$out/state/newer"
printf '%s' '{"format":"briefing-state","version":2,"places":7}' >"$out/state/wrong-type"
printf '%s' '{"format":"briefing-state","vers' >"$out/state/truncated"
printf '\000\377garbage' >"$out/state/binary"
printf '' >"$out/state/empty"

# Configs and themes.
cp themes/*.toml "$out/config/"
cp src/tui/keymap.toml "$out/config/keymap.toml"
cat >"$out/config/readme.toml" <<'TOML'
theme = "light"
measure = 80
panel_width = 40
mouse = false
citation = "markdown"
sources = "/srv/reports"
hyperlinks = true

[keys.global]
"ctrl-f" = "find_figure"
"g g" = "top"
"T" = "none"
TOML
printf 'inherits = "dark"\n[palette]\nink = "#ff0000"\n[styles]\nbody = { fg = "ink", modifiers = ["bold"] }\n' >"$out/config/inherits.toml"
printf 'inherits = "fuzz"\n' >"$out/config/cycle.toml"
printf '[keys.reader]\n"q" = "none"\n[keys.global]\n"q" = "none"\n"ctrl-c" = "none"\n' >"$out/config/no-quit.toml"
printf 'measure = 5\n[keys]\nreader = 3\n' >"$out/config/bad.toml"
printf 'theme = "a\\u001b[31m"\n[keys.nomode]\n"\\u0007" = "x"\n' >"$out/config/escapes.toml"
awk 'BEGIN { for (i = 0; i < 200; i++) printf "["; print "" }' >"$out/config/deep.toml"
