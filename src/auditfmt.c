/* An audit report (audit.c) rendered for people, as a table, or for
   tools, as JSON (gold-link(1), AUDIT); into strings, which the front end
   prints.  */
#include <config.h>

#include "auditfmt.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A file name as diagnostics show it: control bytes as C escapes, so that
   one field stays one line.  */
static void
put_escaped (FILE *f, const char *s)
{
  for (const unsigned char *p = (const unsigned char *) s; *p != '\0'; p++)
    if (*p == '\n')
      fputs ("\\n", f);
    else if (*p == '\t')
      fputs ("\\t", f);
    else if (*p < 0x20 || *p == 0x7f)
      fprintf (f, "\\%03o", *p);
    else
      fputc (*p, f);
}

static void
field (FILE *f, const char *label, const char *value)
{
  fprintf (f, "%-14s %s\n", label, value != NULL ? value : "-");
}

static const char *
yes_no (bool b)
{
  return b ? "yes" : "no";
}

static void
human_tls (FILE *f, const struct audit_report *r)
{
  fprintf (f, "%-14s ", "TLS:");
  if (r->tls_segment)
    fprintf (f, "PT_TLS %" PRIu64 " bytes, align %" PRIu64 "; ",
	     r->tls_memsz, r->tls_align);
  else
    fputs ("no PT_TLS; ", f);
  const char *slot = r->arch->tls_slot;
  if (r->slot_offset_known)
    {
      fprintf (f, "%s at TP%+" PRId64 ", local-exec", slot, r->slot_offset);
      if (r->slot_checked)
	{
	  if (r->slot_offset == r->slot_expected)
	    fputs (", where Go puts it", f);
	  else
	    fprintf (f, ", but Go puts it at TP%+" PRId64, r->slot_expected);
	}
    }
  else if (r->model == AUDIT_TLS_IE && !r->slot_defined
	   && (r->kind == AUDIT_EXE || r->kind == AUDIT_PIE))
    fprintf (f, "%s in a Go shared library, initial-exec", slot);
  else if (r->model == AUDIT_TLS_IE)
    fprintf (f, "%s initial-exec, its offset set at load time", slot);
  else if (r->model == AUDIT_TLS_LE)
    fprintf (f, "%s local-exec", slot);
  else if (r->go)
    fprintf (f, "%s not found", slot);
  else
    fputs ("no Go TLS slot", f);
  fputc ('\n', f);
}

static void
render_human (FILE *f, const struct audit_report *r)
{
  fprintf (f, "%-14s ", "file:");
  put_escaped (f, r->file);
  fputc ('\n', f);
  fprintf (f, "%-14s %s, %s\n", "kind:", audit_kind_name (r->kind),
	   r->arch->goarch);
  field (f, "Go release:", r->go_version);
  if (r->go_buildid != NULL)
    {
      fprintf (f, "%-14s ", "Go build ID:");
      put_escaped (f, r->go_buildid);
      fputs (r->go_buildid_in_note ? " (in a PT_NOTE)\n"
	     : " (in no PT_NOTE)\n", f);
    }
  else
    field (f, "Go build ID:", NULL);
  field (f, "GNU build ID:", r->gnu_buildid);
  field (f, ".go.buildinfo:", yes_no (r->go_buildinfo));
  human_tls (f, r);
  field (f, "runtime/cgo:", r->cgo == AUDIT_UNKNOWN ? "unknown"
	 : yes_no (r->cgo == AUDIT_YES));
  field (f, "static TLS:", yes_no (r->static_tls));
  field (f, "TEXTREL:", yes_no (r->textrel));
  field (f, "exec stack:", r->gnu_stack ? yes_no (r->execstack)
	 : "yes (no PT_GNU_STACK)");
  field (f, "RELRO:", audit_relro_name (r->relro));
  field (f, "BIND_NOW:", yes_no (r->bind_now));
  fprintf (f, "%-14s ", "SONAME:");
  put_escaped (f, r->soname ? r->soname : "-");
  fprintf (f, "\n%-14s ", "NEEDED:");
  for (size_t i = 0; i < r->needed.n; i++)
    {
      if (i > 0)
	fputc (' ', f);
      put_escaped (f, r->needed.v[i]);
    }
  fputs (r->needed.n == 0 ? "-\n" : "\n", f);
  fprintf (f, "%-14s ", "RPATH:");
  put_escaped (f, r->rpath ? r->rpath : "-");
  fprintf (f, "\n%-14s ", "RUNPATH:");
  put_escaped (f, r->runpath ? r->runpath : "-");
  fputc ('\n', f);
  if (r->lib_entry == AUDIT_YES)
    fprintf (f, "%-14s %s in .init_array\n", "init entry:",
	     r->arch->lib_entry);
  else if (r->lib_entry == AUDIT_NO)
    field (f, "init entry:", NULL);
  else
    field (f, "init entry:", "unknown");
  if (r->nfindings == 0)
    field (f, "findings:", "none");
  else
    fprintf (f, "findings:\n");
  for (size_t i = 0; i < r->nfindings; i++)
    fprintf (f, "  %s %s: %s\n",
	     audit_severity_name (r->findings[i].severity),
	     r->findings[i].code, r->findings[i].message);
}

/* Length of the UTF-8 sequence at P (N bytes left), or 0 if invalid.  */
static size_t
utf8_length (const unsigned char *p, size_t n)
{
  size_t len;
  unsigned min;
  unsigned c = p[0];
  if (c < 0x80)
    return 1;
  else if ((c & 0xe0) == 0xc0)
    len = 2, min = 0x80, c &= 0x1f;
  else if ((c & 0xf0) == 0xe0)
    len = 3, min = 0x800, c &= 0x0f;
  else if ((c & 0xf8) == 0xf0)
    len = 4, min = 0x10000, c &= 0x07;
  else
    return 0;
  if (len > n)
    return 0;
  for (size_t i = 1; i < len; i++)
    {
      if ((p[i] & 0xc0) != 0x80)
	return 0;
      c = c << 6 | (p[i] & 0x3f);
    }
  /* No overlong forms, surrogates or code points past U+10FFFF.  */
  if (c < min || (c >= 0xd800 && c <= 0xdfff) || c > 0x10ffff)
    return 0;
  return len;
}

/* A JSON string: quotes, backslashes and control bytes escaped; a byte
   that is not part of valid UTF-8 becomes U+FFFD.  */
static void
json_string (FILE *f, const char *s)
{
  if (s == NULL)
    {
      fputs ("null", f);
      return;
    }
  fputc ('"', f);
  const unsigned char *p = (const unsigned char *) s;
  size_t n = strlen (s);
  while (n > 0)
    {
      size_t len = utf8_length (p, n);
      if (len == 0)
	{
	  fputs ("\\ufffd", f);
	  p++, n--;
	  continue;
	}
      if (len > 1)
	fwrite (p, 1, len, f);
      else if (*p == '"' || *p == '\\')
	fprintf (f, "\\%c", *p);
      else if (*p == '\n')
	fputs ("\\n", f);
      else if (*p == '\t')
	fputs ("\\t", f);
      else if (*p < 0x20 || *p == 0x7f)
	fprintf (f, "\\u%04x", *p);
      else
	fputc (*p, f);
      p += len, n -= len;
    }
  fputc ('"', f);
}

static void
json_key (FILE *f, const char *key, bool first)
{
  if (!first)
    fputs (", ", f);
  json_string (f, key);
  fputs (": ", f);
}

static const char *
json_bool (bool b)
{
  return b ? "true" : "false";
}

static void
render_json (FILE *f, const struct audit_report *r)
{
  fputc ('{', f);
  json_key (f, "file", true);
  json_string (f, r->file);
  json_key (f, "arch", false);
  json_string (f, r->arch->goarch);
  json_key (f, "kind", false);
  json_string (f, audit_kind_name (r->kind));
  json_key (f, "go", false);
  fputs (json_bool (r->go), f);
  json_key (f, "go_version", false);
  json_string (f, r->go_version);
  json_key (f, "go_buildid", false);
  json_string (f, r->go_buildid);
  json_key (f, "go_buildid_in_note", false);
  fputs (json_bool (r->go_buildid_in_note), f);
  json_key (f, "go_buildinfo", false);
  fputs (json_bool (r->go_buildinfo), f);
  json_key (f, "gnu_buildid", false);
  json_string (f, r->gnu_buildid);

  json_key (f, "tls", false);
  fputc ('{', f);
  json_key (f, "segment", true);
  if (r->tls_segment)
    fprintf (f, "{\"memsz\": %" PRIu64 ", \"align\": %" PRIu64 "}",
	     r->tls_memsz, r->tls_align);
  else
    fputs ("null", f);
  json_key (f, "slot", false);
  json_string (f, r->model != AUDIT_TLS_NONE ? r->arch->tls_slot : NULL);
  json_key (f, "offset", false);
  if (r->slot_offset_known)
    fprintf (f, "%" PRId64, r->slot_offset);
  else
    fputs ("null", f);
  json_key (f, "model", false);
  json_string (f, audit_model_name (r->model));
  json_key (f, "expected_offset", false);
  if (r->slot_checked)
    fprintf (f, "%" PRId64, r->slot_expected);
  else
    fputs ("null", f);
  fputc ('}', f);

  json_key (f, "cgo", false);
  fputs (r->cgo == AUDIT_UNKNOWN ? "null" : json_bool (r->cgo == AUDIT_YES),
	 f);
  json_key (f, "static_tls", false);
  fputs (json_bool (r->static_tls), f);
  json_key (f, "textrel", false);
  fputs (json_bool (r->textrel), f);
  json_key (f, "execstack", false);
  fputs (json_bool (r->execstack), f);
  json_key (f, "gnu_stack", false);
  fputs (json_bool (r->gnu_stack), f);
  json_key (f, "relro", false);
  json_string (f, audit_relro_name (r->relro));
  json_key (f, "bind_now", false);
  fputs (json_bool (r->bind_now), f);
  json_key (f, "soname", false);
  json_string (f, r->soname);
  json_key (f, "needed", false);
  fputc ('[', f);
  for (size_t i = 0; i < r->needed.n; i++)
    {
      if (i > 0)
	fputs (", ", f);
      json_string (f, r->needed.v[i]);
    }
  fputc (']', f);
  json_key (f, "rpath", false);
  json_string (f, r->rpath);
  json_key (f, "runpath", false);
  json_string (f, r->runpath);
  json_key (f, "init_entry", false);
  fputs (r->lib_entry == AUDIT_UNKNOWN ? "null"
	 : json_bool (r->lib_entry == AUDIT_YES), f);
  json_key (f, "findings", false);
  fputc ('[', f);
  for (size_t i = 0; i < r->nfindings; i++)
    {
      fputs (i > 0 ? ", {" : "{", f);
      json_key (f, "severity", true);
      json_string (f, audit_severity_name (r->findings[i].severity));
      json_key (f, "code", false);
      json_string (f, r->findings[i].code);
      json_key (f, "message", false);
      json_string (f, r->findings[i].message);
      fputc ('}', f);
    }
  fputs ("]}", f);
}

char *
auditfmt_human (const struct audit_report *r)
{
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream (&buf, &len);
  if (f == NULL)
    return xstrdup ("");
  render_human (f, r);
  fclose (f);
  return buf;
}

char *
auditfmt_json (const struct audit_report *r)
{
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream (&buf, &len);
  if (f == NULL)
    return xstrdup ("");
  render_json (f, r);
  fclose (f);
  return buf;
}
