package service

import (
	"sync/atomic"
	"testing"
	"time"
)

func TestCloseGuard(t *testing.T) {
	t.Run("first request is held and announced, the UI quits, second request passes", func(t *testing.T) {
		g := NewCloseGuard()
		var announced, quits atomic.Int32
		if !RequestClose(g, func() { announced.Add(1) }, func() { quits.Add(1) }, time.Second) {
			t.Fatal("first close request should be held back")
		}
		if err := g.CloseSeen(); err != nil {
			t.Fatal(err)
		}
		if RequestClose(g, func() { announced.Add(1) }, func() { quits.Add(1) }, time.Second) {
			t.Fatal("the UI's own quit must be let through")
		}
		time.Sleep(20 * time.Millisecond)
		if announced.Load() != 1 || quits.Load() != 0 {
			t.Fatalf("announced %d quits %d", announced.Load(), quits.Load())
		}
	})
	t.Run("cancel makes the next request ask again", func(t *testing.T) {
		g := NewCloseGuard()
		RequestClose(g, func() {}, func() {}, time.Second)
		_ = g.CloseSeen()
		_ = g.CancelClose()
		if !RequestClose(g, func() {}, func() {}, time.Second) {
			t.Fatal("after cancel the next close should be held back again")
		}
	})
	t.Run("a silent UI does not keep the window open", func(t *testing.T) {
		g := NewCloseGuard()
		quit := make(chan struct{})
		RequestClose(g, func() {}, func() { close(quit) }, 10*time.Millisecond)
		select {
		case <-quit:
		case <-time.After(2 * time.Second):
			t.Fatal("quit was not called after the wait")
		}
	})
}
