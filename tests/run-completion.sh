#!/bin/sh
# The bash completion (share/bash-completion/gold-link): what it offers for
# gold-link's options, their values, the audit subcommand, files and
# gold-link-ar's keys, compared whole; its option list is exactly the one
# gold-link --help prints, and its build modes and linker names those the
# help names, so that neither can drift; bash-completion's loader finds it
# under both names.  The completion needs no bash-completion.
. "$abs_srcdir/tests/lib.sh"
need_cmd bash
completion=$abs_srcdir/share/bash-completion/gold-link

# complete WORD...: what the completion offers for the command line WORD...
# (COMP_WORDS as bash splits it: "--cc=g" is "--cc" "=" "g"), the last word
# being completed, sorted, one a line.
cat > complete.bash <<'EOF'
. "$1" || exit 1
shift
COMP_WORDS=("$@")
COMP_CWORD=$(($# - 1))
COMP_LINE="$*"
COMP_POINT=${#COMP_LINE}
func=$(complete -p "$1" | sed -n 's/^complete -F \([^ ]*\) .*/\1/p')
[ -n "$func" ] || { echo "no completion for $1" >&2; exit 1; }
"$func" "$1" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
((${#COMPREPLY[@]} == 0)) || printf '%s\n' "${COMPREPLY[@]}" | LC_ALL=C sort
EOF
complete () { bash "$WORK/complete.bash" "$completion" "$@"; }

# expect WANT WORD...: the offers for WORD... are exactly WANT's lines.
expect () {
  want=$1; shift
  complete "$@" > "$WORK/got" || fail "the completion failed for: $*"
  printf '%s\n' "$want" | sed '/^$/d' | LC_ALL=C sort > "$WORK/want"
  diff -u "$WORK/want" "$WORK/got" > "$WORK/diff" \
    || { cat "$WORK/diff"; fail "completing '$*'"; }
}

# The options gold-link --help lists, as the completion offers them: long
# names, "=" after one that takes a value.
"$GOLD_LINK" --help > help || fail "gold-link --help failed"
sed -n 's/^ *\(-[^ ,], \)\{0,1\}\(--[a-z-]*\)\(=\)\{0,1\}.*/\2\3/p' help \
  | LC_ALL=C sort > help-options
grep -qx -e '--buildmode=' help-options && grep -qx -e '--help' help-options \
  || { cat help; fail "cannot read the options of gold-link --help"; }
complete gold-link -- > offered
LC_ALL=C sort help-options | diff -u - offered > diff \
  || { cat diff; fail "the completion's options are not gold-link --help's (- help, + completion)"; }
note "options: $(tr '\n' ' ' < offered)"

# The values the help names.  "build mode: exe, pie, ... or plugin (default"
# and "bfd, gold, lld, mold, auto (the fastest".
tr -s ' \n' '  ' < help > help-line
modes=$(sed -n 's/.*--buildmode=MODE build mode: \([^(]*\) (.*/\1/p' help-line \
  | sed 's/,//g; s/ or / /')
linkers=$(sed -n 's/.*--linker=LINKER \([^(]*\) (.*/\1/p' help-line | sed 's/,//g')
[ -n "$modes" ] && [ -n "$linkers" ] || fail "cannot read the build modes and linkers of gold-link --help"
expect "$(printf '%s\n' $modes)" gold-link --buildmode = ''
expect "$(printf '%s\n' $linkers)" gold-link --linker = ''
note "build modes: $modes; linkers: $linkers"

# Values: after "=", as the next word, in one word (COMP_WORDBREAKS
# without "="); a path for --linker and --cc.
expect 'c-archive
c-shared' gold-link --buildmode = c-
expect 'pie
plugin' gold-link -o out --buildmode p
expect 'lld' gold-link --linker = l
expect '--linker=mold' gold-link --linker=m
expect '--buildmode=shared' gold-link --buildmode=sh
# The files are those of a directory of their own.
mkdir files
cd files
mkdir bin sub
touch bin/ld.test go.o 000000.o libx.a
expect 'bin/ld.test' gold-link --linker = bin/
expect 'bin/ld.test' gold-link --cc bin/l
# --cc: commands on PATH.
mkdir "$WORK/cmds"
printf '#!/bin/sh\n' > "$WORK/cmds/glcc-one"
cp "$WORK/cmds/glcc-one" "$WORK/cmds/glcc-two"
chmod +x "$WORK/cmds/glcc-one" "$WORK/cmds/glcc-two"
PATH=$WORK/cmds:$PATH
expect 'glcc-one
glcc-two' gold-link --cc = glcc-
expect 'glcc-two' gold-link go.o --cc glcc-t

# Options anywhere, files otherwise; -o, -L.
expect '--no-linker-check
--no-stage' gold-link --no
expect '--dry-run' gold-link go.o -o prog --dr
expect '--verbose
--version' gold-link --ver
expect '000000.o
bin
go.o
libx.a
sub' gold-link go.o ''
expect 'bin
sub' gold-link -L ''
expect 'go.o' gold-link --direct -o g
expect 'go.o' gold-link -Wl,-Map = g

# audit: the first word; --json after it, then files.
expect 'audit' gold-link au
expect 'audit
000000.o
bin
go.o
libx.a
sub' gold-link ''
expect '--json' gold-link audit --
expect 'go.o' gold-link audit --json g
expect '' gold-link go.o au

# gold-link-ar: its keys, then the archive and files.
expect 'd
q
r
s
t
x
--help' gold-link-ar ''
expect 'libx.a' gold-link-ar rcs li

# bash-completion's loader, where it is installed: an installed tree's
# completions directory (XDG_DATA_DIRS) serves both names.
cd "$WORK"
bc=/usr/share/bash-completion/bash_completion
if [ -f "$bc" ]; then
  mkdir -p inst/bash-completion/completions
  cp "$completion" inst/bash-completion/completions/gold-link
  ln -s gold-link inst/bash-completion/completions/gold-link-ar
  for name in gold-link gold-link-ar; do
    XDG_DATA_DIRS=$WORK/inst bash -c '
      . "$1" > /dev/null 2>&1
      __load_completion "$2" && complete -p "$2"' sh "$bc" "$name" > loaded \
      || fail "bash-completion's loader does not find $name"
    grep -q "^complete -F _gold_link\(_ar\)\{0,1\} $name\$" loaded \
      || { cat loaded; fail "bash-completion's loader loads the wrong completion for $name"; }
  done
  note "bash-completion's loader finds gold-link and gold-link-ar"
else
  note "bash-completion is not installed: its loader is not checked"
fi
