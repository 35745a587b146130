package store

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
)

// Seal encrypts a ticket's address (where a staff reply goes: it holds the
// platform's user or chat id) with a key derived from the Hasher's, so that
// the database alone reveals no id. AES-256-GCM, random nonce.
func (h *Hasher) Seal(plain string) (string, error) {
	aead, err := h.aead()
	if err != nil {
		return "", err
	}
	nonce := make([]byte, aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return "", err
	}
	return base64.RawStdEncoding.EncodeToString(aead.Seal(nonce, nonce, []byte(plain), nil)), nil
}

// Unseal decrypts what Seal made.
func (h *Hasher) Unseal(sealed string) (string, error) {
	aead, err := h.aead()
	if err != nil {
		return "", err
	}
	b, err := base64.RawStdEncoding.DecodeString(sealed)
	if err != nil || len(b) < aead.NonceSize() {
		return "", errors.New("store: a sealed address is damaged")
	}
	plain, err := aead.Open(nil, b[:aead.NonceSize()], b[aead.NonceSize():], nil)
	if err != nil {
		return "", errors.New("store: a sealed address does not open with this key (was the key changed?)")
	}
	return string(plain), nil
}

func (h *Hasher) aead() (cipher.AEAD, error) {
	m := hmac.New(sha256.New, h.key)
	m.Write([]byte("infusionbot ticket address"))
	block, err := aes.NewCipher(m.Sum(nil))
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}
