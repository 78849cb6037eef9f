#!/bin/sh
# Remake the seed corpus in fuzz/corpus/ (committed; run by hand after a
# change here): tiny objects assembled from the sources below, archives of
# them, and response-file texts.  Needs binutils (as, objcopy, ar).
# Richer seeds from real go.o files are made at fuzz time (go-seeds.sh).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=$here/corpus
asm=$here/../tests/data/asm
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -rf "$out"
mkdir -p "$out/object" "$out/archive" "$out/cmdline" "$out/audit"
cd "$work"

# obj NAME --32|--64 [KEEP-SYMBOL...] < SOURCE: a stripped object that keeps
# only the sections and symbols the source gives it.
obj () {
  name=$1 bits=$2; shift 2
  cat > "$name.s"
  as "$bits" -I "$asm" -o "$name.full.o" "$name.s"
  keep=
  for s in runtime.tlsg "$@"; do keep="$keep -K $s"; done
  # shellcheck disable=SC2086
  objcopy -R .data -R .bss -R .note.GNU-stack --strip-unneeded $keep \
    "$name.full.o" "$name.o"
  cp "$name.o" "$out/object/$name.o"
}

obj 386-exe-le --32 <<'S'
	.include "go-object.inc"
	.text
	movl %gs:runtime.tlsg@ntpoff, %eax
	ret
S
obj 386-lib-ie --32 _rt0_386_linux_lib < "$asm/lib-386.s"
obj 386-lib-init --32 _rt0_386_linux_lib <<'S'
	.include "go-object.inc"
	.section .data.rel.ro,"aw"
	.long 0
	.section .init_array,"aw",@init_array
	.long _rt0_386_linux_lib
	.text
	.globl _rt0_386_linux_lib
_rt0_386_linux_lib:
	movl runtime.tlsg@indntpoff, %eax
	ret
S
obj 386-linkshared --32 go.link.addmoduledata <<'S'
	.section .note.go.buildid,"a",@note
	.long 4, 4, 4
	.asciz "Go\0"
	.ascii "abcd"
	.text
	.globl go.link.addmoduledata
go.link.addmoduledata:
	movl runtime.tlsg@indntpoff, %eax
	ret
S
obj 386-stray --32 other_tls <<'S'
	.include "go-object.inc"
	.section .tbss
	.globl other_tls
	.type other_tls, @tls_object
other_tls:
	.zero 4
	.text
	leal other_tls@tlsgd(,%ebx,1), %eax
	movl %gs:other_tls@ntpoff, %eax
	ret
S
obj 386-shared-notes --32 go.plugin.tabs x_cgo_init <<'S'
	.section .note.go.pkg-list,"a",@note
	.long 4, 4, 1
	.asciz "Go\0"
	.ascii "main"
	.section .note.go.abihash,"a",@note
	.long 4, 4, 2
	.asciz "Go\0"
	.ascii "hash"
	.section .tbss,"awT",@nobits
	.globl runtime.tlsg
	.type runtime.tlsg, @tls_object
runtime.tlsg:
	.zero 4
	.section .data.rel.ro,"aw"
	.globl go.plugin.tabs
go.plugin.tabs:
	.long x_cgo_init
S
obj amd64-exe-le --64 <<'S'
	.include "go-object.inc"
	.text
	movq %fs:runtime.tlsg@tpoff, %rax
	ret
S
obj amd64-lib-init --64 _rt0_amd64_linux_lib <<'S'
	.include "go-object.inc"
	.section .init_array,"aw",@init_array
	.quad _rt0_amd64_linux_lib
	.text
	.globl _rt0_amd64_linux_lib
_rt0_amd64_linux_lib:
	movq runtime.tlsg@gottpoff(%rip), %rax
	ret
S
printf 'GROUP ( libc.so.6 libc_nonshared.a AS_NEEDED ( ld.so ) )\n' \
  > "$out/object/script.txt"

# Archives: a symbol index, a long name in "//", an odd-sized member, a Go
# c-archive member, a thin archive, an empty one.
printf 'text member\n' > note.txt
printf 'odd' > a-member-name-longer-than-15.txt
ar rcsD "$out/archive/index.a" 386-lib-init.o note.txt
ar rcD "$out/archive/long-names.a" a-member-name-longer-than-15.txt note.txt
ar rcsD "$out/archive/go-member.a" 386-exe-le.o
ar rcTD "$out/archive/thin.a" note.txt 386-exe-le.o
printf '!<arch>\n' > "$out/archive/empty.a"

# Response files: r0, then r1..r3 after NUL bytes ("@r1" names r1).
rsp () { printf -- "$2" > "$out/cmdline/$1"; }
rsp exe '-m64 -o prog -rdynamic go.o 000000.o 000001.o -g -O2 -lpthread -no-pie\n'
rsp c-shared '-Wl,-z,relro -shared -Wl,-z,nodelete -Wl,-Bsymbolic -o libx.so go.o 000000.o -Wl,--build-id=0x1234 -lpthread\n'
rsp quoting "'-Wl,--build-id' \"a b.o\" back\\\\ slash\\\\\\\\ x\\\\'y -Xlinker --build-id 'it''s' \"\\\\\"\"\n"
rsp nested '--buildmode=c-archive @r1 -v\000-o out.a @r2 --linker lld\000go.o @r3\000-fuse-ld=gold -x c - -x none host.o\n'
rsp self '@r0\n'
rsp options '--cc gcc --cc=clang --linker=mold --direct --no-linker-check --dry-run --keep-temps --no-stage --version --help -v -? -static -static-pie -pie -no-pie -nopie go.o\n'
rsp no-link '-c x.c -print-prog-name=ld -dumpmachine --print-file-name=libc.a -o\n'

# Linked outputs for fuzz-audit, small (ld, no libc, 64-byte pages): Go's
# notes and sections, the TLS slot local-exec in executables and
# initial-exec in libraries, the library entry in .init_array, dynamic
# entries (SONAME, NEEDED, RPATH/RUNPATH, BIND_NOW, TEXTREL), the stack
# and RELRO segments.  Real Go outputs are added at fuzz time (go-seeds.sh).
small="-z max-page-size=64 -z common-page-size=64 -z noseparate-code --build-id=sha1 --hash-style=gnu"
cat > buildinfo.inc <<'S'
	.section .go.buildinfo,"aw"
	.p2align 4
	.ascii "\377 Go buildinf:"
	.byte 8, 2
	.zero 16
	.byte 8
	.ascii "go1.26.8"
	.zero 8
S
aud () {
  name=$1 bits=$2; shift 2
  cat > "$name.s"
  as "$bits" -I "$asm" -I . -o "$name.o" "$name.s"
  # shellcheck disable=SC2086
  ld $small "$@" -o "$out/audit/$name" "$name.o"
}
as --64 -o empty.o /dev/null
ld $small -shared -soname libdep.so -o libdep.so empty.o
aud amd64-static --64 -m elf_x86_64 -e _start <<'S'
	.include "go-object.inc"
	.include "buildinfo.inc"
	.text
	.globl _start
_start:
	movq %fs:runtime.tlsg@tpoff, %rax
	ret
S
aud amd64-pie-cgo --64 -m elf_x86_64 -pie -z relro -z now -e _start \
    --dynamic-linker /lib64/ld-linux-x86-64.so.2 libdep.so <<'S'
	.include "go-object.inc"
	.include "buildinfo.inc"
	.text
	.globl _start, x_cgo_init
_start:
x_cgo_init:
	movq runtime.tlsg@gottpoff(%rip), %rax
	ret
S
aud amd64-c-shared --64 -m elf_x86_64 -shared -soname libgo.so -z relro \
    -rpath /opt/lib --disable-new-dtags libdep.so <<'S'
	.include "go-object.inc"
	.include "buildinfo.inc"
	.section .init_array,"aw",@init_array
	.p2align 3
	.quad _rt0_amd64_linux_lib
	.text
	.type _rt0_amd64_linux_lib, @function
_rt0_amd64_linux_lib:
	movq runtime.tlsg@gottpoff(%rip), %rax
	ret
S
aud amd64-plugin --64 -m elf_x86_64 -shared -z now -z execstack \
    -rpath '$ORIGIN' --enable-new-dtags <<'S'
	.include "go-object.inc"
	.data
	.globl "go:plugin.tabs"
"go:plugin.tabs":
	.quad 0
	.text
	movq runtime.tlsg@gottpoff(%rip), %rax
	ret
S
aud amd64-go-shared-textrel --64 -m elf_x86_64 -shared -z notext <<'S'
	.section .note.go.pkg-list,"a",@note
	.long 4, 8, 1
	.asciz "Go\0"
	.ascii "runtime\n"
	.section .note.GNU-stack,"",@progbits
	.section .tbss,"awT",@nobits
	.globl runtime.tlsg
	.type runtime.tlsg, @tls_object
runtime.tlsg:
	.zero 8
	.section .rodata
	.globl runtime.buildVersion.str
	.type runtime.buildVersion.str, @object
	.size runtime.buildVersion.str, 9
runtime.buildVersion.str:
	.asciz "go1.19.8"
	.text
	movabsq $runtime.buildVersion.str, %rax
	movq runtime.tlsg@gottpoff(%rip), %rax
	ret
S
aud 386-static --32 -m elf_i386 -e _start <<'S'
	.include "go-object.inc"
	.text
	.globl _start
_start:
	movl %gs:runtime.tlsg@ntpoff, %eax
	ret
S
aud 386-c-shared --32 -m elf_i386 -shared <<'S'
	.include "go-object.inc"
	.section .init_array,"aw",@init_array
	.long _rt0_386_linux_lib
	.long _rt0_386_linux_lib
	.text
	.type _rt0_386_linux_lib, @function
_rt0_386_linux_lib:
	movl runtime.tlsg@gotntpoff(%ecx), %eax
	ret
S
