#include "portable/pendian.h"
