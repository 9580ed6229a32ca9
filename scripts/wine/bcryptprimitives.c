/* A stand-in bcryptprimitives.dll for running ICM's Windows programs under Wine 8.0,
 * which lacks ProcessPrng (the Go runtime calls it since Go 1.24). It fills the buffer from
 * RtlGenRandom (advapi32's SystemFunction036). For testing under Wine only: never shipped. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
