#ifndef NETAUDIT_CCURL_SHIM_H
#define NETAUDIT_CCURL_SHIM_H
#include <curl/curl.h>

/* curl_easy_setopt is variadic, which Swift cannot call: typed wrappers. */
static inline CURLcode netaudit_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode netaudit_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode netaudit_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode netaudit_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}
typedef size_t (*netaudit_curl_write_callback)(char *ptr, size_t size, size_t nmemb, void *userdata);
static inline CURLcode netaudit_curl_setopt_write_function(CURL *handle, CURLoption option, netaudit_curl_write_callback cb) {
    return curl_easy_setopt(handle, option, cb);
}
static inline CURLcode netaudit_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}
#endif
