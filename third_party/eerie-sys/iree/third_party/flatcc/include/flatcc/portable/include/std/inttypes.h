#include "portable/inttypes.h"
