/* The C face of the C++ code in cxx.cc.  */
#ifdef __cplusplus
extern "C" {
#endif
const char *cxx_global (void);
char *cxx_join (const char *a, const char *b);
int cxx_parse (const char *s, int *out);
int cxx_count (void);
int cxx_count_in_new_thread (void);
#ifdef __cplusplus
}
#endif
