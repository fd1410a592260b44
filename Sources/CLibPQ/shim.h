#ifndef NETAUDIT_CLIBPQ_SHIM_H
#define NETAUDIT_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#endif
