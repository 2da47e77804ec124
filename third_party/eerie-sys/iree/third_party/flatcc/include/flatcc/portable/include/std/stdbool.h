#include "portable/pstdbool.h"
