/* SPDX-License-Identifier: Apache-2.0 */
/* Driver numbers: the one registry, shared by boards and userland.
 *
 * Values are Tock's (capsules/core/src/driver.rs). A board's driver lookup is
 * a switch over these, so assigning one number twice is a compile error.
 */
#pragma once

#define DRIVER_NUM_ALARM 0x00000u
#define DRIVER_NUM_CONSOLE 0x00001u
#define DRIVER_NUM_LED 0x00002u
#define DRIVER_NUM_BUTTON 0x00003u
#define DRIVER_NUM_GPIO 0x00004u
#define DRIVER_NUM_ADC 0x00005u
#define DRIVER_NUM_DAC 0x00006u
#define DRIVER_NUM_ANALOG_COMPARATOR 0x00007u
#define DRIVER_NUM_LOW_LEVEL_DEBUG 0x00008u
#define DRIVER_NUM_READ_ONLY_STATE 0x00009u
#define DRIVER_NUM_PWM 0x00010u
#define DRIVER_NUM_IPC 0x10000u
#define DRIVER_NUM_APP_LOADER 0x10001u
#define DRIVER_NUM_PROCESS_INFO 0x10002u
#define DRIVER_NUM_SPI_CONTROLLER 0x20001u
#define DRIVER_NUM_SPI_PERIPHERAL 0x20002u
#define DRIVER_NUM_I2C_MASTER 0x20003u
#define DRIVER_NUM_RNG 0x40001u
#define DRIVER_NUM_CRC 0x40002u
#define DRIVER_NUM_HMAC 0x40003u
#define DRIVER_NUM_SHA 0x40005u
#define DRIVER_NUM_AES 0x40006u
#define DRIVER_NUM_APP_FLASH 0x50000u
#define DRIVER_NUM_NONVOLATILE_STORAGE 0x50001u
#define DRIVER_NUM_KV 0x50003u
#define DRIVER_NUM_TEMPERATURE 0x60000u
#define DRIVER_NUM_CYCLE_COUNT 0x90008u
