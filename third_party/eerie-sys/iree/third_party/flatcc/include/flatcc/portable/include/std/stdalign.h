#include "portable/pstdalign.h"
