/* An audit report rendered as text: a table for people, a JSON object for
   tools (gold-link(1), AUDIT).  Both return a new string; the front end
   prints it.  */
#ifndef GL_AUDITFMT_H
#define GL_AUDITFMT_H

#include "audit.h"

/* "LABEL: value" lines, one per fact, then the findings.  */
char *auditfmt_human (const struct audit_report *r);
/* One JSON object on one line, without a newline.  */
char *auditfmt_json (const struct audit_report *r);

#endif
